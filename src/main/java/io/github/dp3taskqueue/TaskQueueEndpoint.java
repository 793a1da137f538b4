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

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.PollingConsumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ShutdownStrategy;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;

import io.github.dp3taskqueue.connection.BatchingConnectionFactory;
import io.github.dp3taskqueue.connection.BrokerConnection;
import io.github.dp3taskqueue.consumer.TaskQueueConsumer;
import io.github.dp3taskqueue.consumer.TaskQueuePollingConsumer;
import io.github.dp3taskqueue.dp3.model.DataModel;
import io.github.dp3taskqueue.dp3.task.TaskKind;
import io.github.dp3taskqueue.observe.Observed;
import io.github.dp3taskqueue.producer.TaskQueueProducer;

/**
 * Sends tasks to DP3 workers, or consumes a DP3 worker's queues, over RabbitMQ with DP3's
 * task-queue protocol.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "dp3-taskqueue", title = "DP3 Task Queue",
        syntax = "dp3-taskqueue:application",
        category = {Category.MESSAGING}, headersClass = TaskQueueConstants.class)
public class TaskQueueEndpoint extends DefaultEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    private static final Logger LOG = LoggerFactory.getLogger(TaskQueueEndpoint.class);

    @UriPath(description = "The DP3 application name (APP): exchanges and queues are named APP-...")
    @Metadata(required = true)
    private String application;

    @UriParam
    private final TaskQueueConfiguration configuration;

    private EndpointSettings settings;
    private final Set<Observed> observed = ConcurrentHashMap.newKeySet();

    public TaskQueueEndpoint(String uri, TaskQueueComponent component, TaskQueueConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        settings = EndpointSettings.resolve(application, configuration);
        TaskQueueComponent component = getComponent();
        for (String warning : settings.configWarnings()) {
            if (component.firstTime("config " + warning)) {
                LOG.warn(warning);
            }
        }
        DataModel model = settings.codec().model();
        if (!model.isDeclared() && settings.kind() == TaskKind.DATAPOINT
                && component.firstTime("no model " + application)) {
            LOG.info("dp3-taskqueue:{}: no configDir, so data point tasks are not checked against DP3's data model "
                    + "(attributes, data types, t1/t2); DP3's worker acks and drops a task its model refuses. Set "
                    + "configDir to the DP3 config directory to refuse such tasks here.", application);
        }
        LOG.info("{}: entity types {}; {} workers ({}); broker {} ({}; {})", getMaskedUri(),
                model.isDeclared() ? model.entities().keySet() + " (configDir)"
                        : model.entities().isEmpty() ? "none known (eids kept as they come)"
                                : model.idTypes() + " (entityIdTypes: id types only)",
                settings.workersOrDefault(), settings.origins().workers(),
                settings.describeBroker(configuration.getAddresses()),
                configuration.getConnectionFactory() != null ? "a connectionFactory bean" : settings.origins().broker(),
                settings.origins().credentials());
    }

    @Override
    public Producer createProducer() throws Exception {
        return new TaskQueueProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        TaskQueueConsumer consumer = new TaskQueueConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public PollingConsumer createPollingConsumer() throws Exception {
        TaskQueuePollingConsumer consumer = new TaskQueuePollingConsumer(
                this);
        configurePollingConsumer(consumer);
        return consumer;
    }

    /**
     * A new link to the broker: the user's connection factory, or one built from the options.
     * A publishing link never shares a connection with consumers: RabbitMQ's resource alarms block
     * a connection that publishes, acks included, so a bridge would deadlock. An endpoint's own
     * factory gives each producer and consumer a connection of its own; with a user's factory the
     * producer takes its publisher connection factory, as spring-rabbit's RabbitTemplate does
     * with {@code usePublisherConnection}.
     */
    public BrokerConnection openBrokerConnection(String purpose, boolean publishes) {
        String description = settings.describeBroker(configuration.getAddresses())
                + (configuration.getSslContextParameters() != null && configuration.getConnectionFactory() == null
                        ? ", TLS" : "");
        ConnectionFactory shared = configuration.getConnectionFactory();
        if (shared != null) {
            ConnectionFactory publisher = publishes ? shared.getPublisherConnectionFactory() : null;
            if (publishes && publisher == null) {
                LOG.warn(
                        "dp3-taskqueue {} {}: the connectionFactory {} has no publisher connection factory, so the "
                                + "producer publishes on the connection consumers of the same factory use; a "
                                + "RabbitMQ resource alarm then blocks their acks too. Use a "
                                + "CachingConnectionFactory, or give the producer a factory of its own.",
                        application, purpose, shared.getClass().getSimpleName());
            }
            return new BrokerConnection(publisher != null ? publisher : shared, false, description,
                    "the connectionFactory bean's");
        }
        com.rabbitmq.client.ConnectionFactory rabbit = new BatchingConnectionFactory();
        rabbit.setHost(settings.host());
        rabbit.setPort(settings.port());
        rabbit.setVirtualHost(settings.virtualHost());
        rabbit.setUsername(settings.username());
        rabbit.setPassword(settings.password());
        rabbit.setRequestedHeartbeat(settings.heartbeatSeconds());
        rabbit.setConnectionTimeout((int) configuration.getConnectionTimeout());
        rabbit.setHandshakeTimeout((int) configuration.getConnectionTimeout());
        // spring-rabbit reconnects on demand; amqp-client's own recovery would race with it
        rabbit.setAutomaticRecoveryEnabled(false);
        if (configuration.getSslContextParameters() != null) {
            useTls(rabbit);
        }
        CachingConnectionFactory factory = new CachingConnectionFactory(rabbit);
        if (configuration.getAddresses() != null && !configuration.getAddresses().isBlank()) {
            factory.setAddresses(configuration.getAddresses());
        }
        factory.setConnectionNameStrategy(f -> "dp3-taskqueue " + application + " " + purpose);
        return new BrokerConnection(factory, true, description, settings.origins().credentials());
    }

    @Override
    public TaskQueueComponent getComponent() {
        return (TaskQueueComponent) super.getComponent();
    }

    /**
     * How long a stopping producer or consumer lets its work finish (unconfirmed messages, running
     * tasks): Camel's shutdown timeout, so a route stops within what Camel allows it.
     */
    public Duration drainTimeout() {
        ShutdownStrategy shutdown = getCamelContext().getShutdownStrategy();
        return Duration.ofMillis(shutdown.getTimeUnit().toMillis(shutdown.getTimeout()));
    }

    /**
     * The URI with its secrets masked, for logs and errors. {@link #getEndpointUri()} stays the real
     * one: Camel's {@code equals} and {@code hashCode} of endpoints use it, and two endpoints that
     * differ only in credentials are two endpoints. Camel masks it wherever it shows it.
     */
    public String getMaskedUri() {
        return URISupport.sanitizeUri(getEndpointUri());
    }

    /**
     * amqps: the context Camel builds from the SSLContextParameters, and the broker's name checked against its
     * certificate.
     */
    private void useTls(com.rabbitmq.client.ConnectionFactory rabbit) {
        try {
            rabbit.useSslProtocol(configuration.getSslContextParameters().createSSLContext(getCamelContext()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("sslContextParameters: cannot build the TLS context: " + e.getMessage(),
                    e);
        }
        rabbit.enableHostnameVerification();
    }

    public String getApplication() {
        return application;
    }

    public void setApplication(String application) {
        this.application = application;
    }

    public TaskQueueConfiguration getConfiguration() {
        return configuration;
    }

    /** A producer or consumer of this endpoint starts ({@code true}) or stops being shown by the dev console. */
    public void observed(Observed part, boolean running) {
        if (running) {
            observed.add(part);
        } else {
            observed.remove(part);
        }
    }

    /** The running producers and consumers of this endpoint, for the dev console. */
    public List<Observed> observed() {
        return List.copyOf(observed);
    }

    /**
     * Where the endpoint points, for {@code camel get service} and span tags:
     * {@code amqp://host:port/vhost} ({@code amqps://} with TLS), the virtual host URL-encoded as in
     * RabbitMQ's URI form; never the password.
     */
    @Override
    public String getServiceUrl() {
        if (settings == null) {
            return null;
        }
        ConnectionFactory shared = configuration.getConnectionFactory();
        String hosts = shared != null ? shared.getHost() + ":" + shared.getPort()
                : configuration.getAddresses() != null && !configuration.getAddresses().isBlank()
                        ? configuration.getAddresses() : settings.host() + ":" + settings.port();
        String vhost = shared != null ? shared.getVirtualHost() : settings.virtualHost();
        boolean tls = shared == null && configuration.getSslContextParameters() != null;
        return (tls ? "amqps" : "amqp") + "://" + hosts + "/"
                + URLEncoder.encode(vhost == null ? "/" : vhost, StandardCharsets.UTF_8);
    }

    @Override
    public String getServiceProtocol() {
        return "amqp";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        if (settings == null) {
            return null;
        }
        ConnectionFactory shared = configuration.getConnectionFactory();
        Map<String, String> metadata = new LinkedHashMap<>();
        String user = shared != null ? shared.getUsername() : settings.username();
        if (user != null) {
            metadata.put("username", user);
        }
        metadata.put("application", application);
        return metadata;
    }

    /** The options resolved in {@code doInit}. */
    public EndpointSettings getSettings() {
        return settings;
    }
}
