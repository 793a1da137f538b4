/*
 * Copyright 2026 the dp3-taskqueue authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.dp3taskqueue;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;

import io.github.dp3taskqueue.metrics.TaskQueueMetrics;
import io.github.dp3taskqueue.observe.Refusals;
import io.github.dp3taskqueue.topology.TopologySession;

/**
 * The {@code dp3-taskqueue} component. Its options are the endpoint options' defaults, so a
 * deployment sets broker and DP3 settings once ({@code camel.component.dp3-taskqueue.*}).
 */
@Component("dp3-taskqueue")
public class TaskQueueComponent extends HealthCheckComponent
        implements
            SSLContextParametersAware,
            TopologySession.Notes {

    @Metadata(description = "Default options of every dp3-taskqueue endpoint")
    private TaskQueueConfiguration configuration = new TaskQueueConfiguration();

    @Metadata(label = "security", defaultValue = "false",
            description = "Use the global SSLContextParameters of the Camel context for endpoints without their own")
    private boolean useGlobalSslContextParameters;

    private final Set<String> said = ConcurrentHashMap.newKeySet();
    private final Map<String, String> waits = new ConcurrentHashMap<>();
    private final Map<String, Refusals> refusals = new ConcurrentHashMap<>();
    private ScheduledExecutorService statsScheduler; // guarded by this
    private String brokerOverrideHost;
    private int brokerOverridePort;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        TaskQueueConfiguration endpointConfiguration = configuration.copy();
        TaskQueueEndpoint endpoint = new TaskQueueEndpoint(uri, this, endpointConfiguration);
        endpoint.setApplication(remaining);
        setProperties(endpoint, parameters);
        if (endpointConfiguration.getSslContextParameters() == null
                && endpointConfiguration.getConnectionFactory() == null) {
            endpointConfiguration.setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        if (brokerOverrideHost != null) {
            applyBrokerOverride(endpointConfiguration);
        }
        return endpoint;
    }

    /**
     * Points every endpoint created from now on at one broker and declares its DP3 topology there,
     * whatever the endpoint's own host, port, addresses or connection factory say. The runner uses
     * it for its embedded broker; it is not an endpoint option.
     */
    public void overrideBroker(String host, int port) {
        this.brokerOverrideHost = host;
        this.brokerOverridePort = port;
    }

    private void applyBrokerOverride(TaskQueueConfiguration endpointConfiguration) {
        endpointConfiguration.setHost(brokerOverrideHost);
        endpointConfiguration.setPort(brokerOverridePort);
        endpointConfiguration.setAddresses(null);
        endpointConfiguration.setConnectionFactory(null);
        endpointConfiguration.setUsername("guest");
        endpointConfiguration.setPassword("guest");
        endpointConfiguration.setVirtualHost("/");
        endpointConfiguration.setDeclareTopology(true);
        if (endpointConfiguration.getWorkers() == null && endpointConfiguration.getConfigDir() == null
                && endpointConfiguration.getWorkerIndex() != null) {
            endpointConfiguration.setWorkers(endpointConfiguration.getWorkerIndex() + 1);
        }
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public TaskQueueConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(TaskQueueConfiguration configuration) {
        this.configuration = configuration;
    }

    /** Whether {@code key} is asked for the first time: a line said once per application, not per endpoint. */
    @Override
    public boolean firstTime(String key) {
        return said.add(key);
    }

    @Override
    public void waiting(String who, String reason) {
        if (reason == null) {
            waits.remove(who);
        } else {
            waits.put(who, reason);
        }
    }

    /** What the endpoints' starts wait for now (a missing topology, an unreachable broker), by who waits. */
    public Map<String, String> startupWaits() {
        return Map.copyOf(waits);
    }

    /**
     * What DP3's model refused for an application, across its endpoints and the API route: counted
     * as {@code dp3.taskqueue.refused} and shown by the dev console.
     */
    public Refusals refusals(String application) {
        return refusals.computeIfAbsent(application,
                app -> new Refusals(TaskQueueMetrics.forApplication(getCamelContext(), app)::refused));
    }

    /** The applications with refusals so far, and theirs. */
    public Map<String, Refusals> allRefusals() {
        return Map.copyOf(refusals);
    }

    /** The one thread that probes the endpoints' queues ({@code statsInterval}), made when first needed. */
    public synchronized ScheduledExecutorService statsScheduler() {
        if (statsScheduler == null) {
            statsScheduler = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                    "Dp3QueueStats");
        }
        return statsScheduler;
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            if (statsScheduler != null) {
                getCamelContext().getExecutorServiceManager().shutdownNow(statsScheduler);
                statsScheduler = null;
            }
        }
        super.doStop();
    }

    /** The connection factory every endpoint uses unless it names its own (autowired). */
    public ConnectionFactory getConnectionFactory() {
        return configuration.getConnectionFactory();
    }
}
