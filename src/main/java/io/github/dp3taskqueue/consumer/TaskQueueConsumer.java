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
package io.github.dp3taskqueue.consumer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.dp3taskqueue.EndpointSettings;
import io.github.dp3taskqueue.FailurePolicy;
import io.github.dp3taskqueue.TaskQueueEndpoint;
import io.github.dp3taskqueue.connection.BrokerConnection;
import io.github.dp3taskqueue.health.TaskQueueHealthCheck;
import io.github.dp3taskqueue.metrics.TaskQueueMetrics;
import io.github.dp3taskqueue.topology.StartupCheck;

/**
 * {@code from("dp3-taskqueue:APP?workerIndex=i")}: a DP3 worker. Deliveries of the worker's
 * queues go through the {@link PriorityDispatcher} (priority first) and the
 * {@link EntityOrderedWorkers} (per-entity order) into the route; each is acked only when its
 * exchange has completed ({@link AckOnCompletion}).
 */
public class TaskQueueConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(TaskQueueConsumer.class);

    private final TaskQueueEndpoint endpoint;
    private ConsumerMetrics metrics;
    private TaskQueueHealthCheck livenessCheck;
    private final DeliveryExchanges exchanges;
    private List<QueueReader.Source> sources;
    private FailurePolicy failurePolicy;
    private BrokerConnection connection;
    private PriorityDispatcher dispatcher;
    private EntityOrderedWorkers workerLoops;
    private QueueReader reader;
    private ExecutorService workerThreads;
    private ScheduledExecutorService scheduler;
    private final ConsumerState.Counts counts = new ConsumerState.Counts();
    private Map<String, String> laneOf;
    private volatile ConsumerObserved observed;

    public TaskQueueConsumer(TaskQueueEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.exchanges = new DeliveryExchanges(endpoint);
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        sources = WorkerQueues.of(endpoint.getSettings());
        laneOf = sources.stream().collect(Collectors.toMap(QueueReader.Source::queue, s -> s.lane().label()));
        failurePolicy = endpoint.getSettings().consumer().onFailure();
        metrics = ConsumerMetrics.of(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        EndpointSettings settings = endpoint.getSettings();
        connection = WorkerQueues.connect(endpoint, sources, "consumer worker " + settings.workerIndex());
        ExecutorServiceManager executors = endpoint.getCamelContext().getExecutorServiceManager();
        scheduler = executors.newSingleThreadScheduledExecutor(this, "Dp3ConsumerRecovery");
        dispatcher = new PriorityDispatcher(() -> reader.priorityReady(),
                sources.stream().anyMatch(QueueReader.Source::priority));
        workerLoops = new EntityOrderedWorkers(dispatcher, this::deliver);
        reader = new QueueReader(connection, sources, settings.consumer(), exchanges, dispatcher, metrics,
                settings.retry(),
                scheduler);
        startWorkers();
        reader.start();
        if (endpoint.getComponent().isHealthCheckConsumerEnabled()) {
            registerHealthChecks();
        }
        observed = new ConsumerObserved(endpoint, "consumer", getRouteId(), connection, sources,
                TaskQueueMetrics.forEndpoint(endpoint.getCamelContext(), endpoint.getApplication(),
                        settings.kind().optionValue()),
                this::state, () -> reader == null ? null : reader.problem());
    }

    /** What it holds now. */
    public ConsumerState state() {
        return new ConsumerState(dispatcher.buffered() + workerLoops.waiting(), counts.running.get(),
                counts.delayed.get(), reader.heldAcks(), counts.lastDelivery(), counts.lastLane);
    }

    /**
     * Readiness goes through Camel's consumers repository, which asks the route's consumer for its
     * check (as {@code consumer:<routeId>}); that repository only reports readiness, so liveness is
     * a check of its own in the registry, {@code dp3-taskqueue-consumer:<routeId>}.
     */
    private void registerHealthChecks() {
        List<String> queues = sources.stream().map(QueueReader.Source::queue).toList();
        setHealthCheck(new TaskQueueHealthCheck("dp3-taskqueue-consumer-readiness:" + getRouteId(), connection,
                connection.description(), StartupCheck.Kind.QUEUE, queues, this::isRunAllowed,
                HealthCheck.Kind.READINESS)
                .downWhen(() -> reader == null ? null : reader.problem()));
        HealthCheckRegistry registry = HealthCheckRegistry.get(endpoint.getCamelContext());
        if (registry != null) {
            livenessCheck = new TaskQueueHealthCheck("dp3-taskqueue-consumer:" + getRouteId(), connection,
                    connection.description(),
                    StartupCheck.Kind.QUEUE, queues, () -> isRunAllowed() && !isSuspendingOrSuspended(),
                    HealthCheck.Kind.LIVENESS);
            registry.register(livenessCheck);
        }
    }

    private void startWorkers() {
        dispatcher.reopen();
        int count = endpoint.getSettings().consumer().concurrentConsumers();
        workerThreads = endpoint.getCamelContext().getExecutorServiceManager().newFixedThreadPool(this, "Dp3Worker",
                count);
        workerLoops.start(workerThreads, count);
    }

    /** Runs one delivery through the route on the calling worker thread; returns when the exchange is done. */
    private void deliver(Delivery delivery) {
        if (!delivery.channel().isOpen()) {
            return; // its channel is gone: the broker redelivers it, so it must not run now
        }
        Exchange exchange = createExchange(false);
        exchanges.fill(exchange, delivery);
        exchange.getExchangeExtension().addOnCompletion(new AckOnCompletion(delivery, failurePolicy, scheduler,
                endpoint.getSettings().consumer().requeueDelayMillis(), counts.delayed));
        counts.delivered(laneOf.get(delivery.queue()));
        counts.running.incrementAndGet();
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            // the route's error handler has seen it and AckOnCompletion settled the message
            getExceptionHandler().handleException("dp3-taskqueue: processing a task of " + delivery.queue() + " failed",
                    exchange, e);
        } finally {
            counts.running.decrementAndGet();
            releaseExchange(exchange, false);
        }
    }

    /** Ready messages in each queue this consumer reads, as last probed ({@code statsInterval}). */
    public Map<String, Long> queueDepths() {
        ConsumerObserved now = observed;
        return now == null ? Map.of() : now.queueDepths();
    }

    public ConsumerMetrics getMetrics() {
        return metrics;
    }

    @Override
    protected void doSuspend() throws Exception {
        stopTakingDeliveries();
        super.doSuspend();
    }

    @Override
    protected void doResume() throws Exception {
        super.doResume();
        reader.close();
        startWorkers();
        reader.start();
    }

    /** Stops new deliveries and hands out no buffered one; running tasks go on and are acked. */
    private void stopTakingDeliveries() throws InterruptedException {
        reader.cancel();
        long timeout = endpoint.drainTimeout().toMillis();
        if (!workerLoops.stop(workerThreads, timeout)) {
            LOG.warn("{}: tasks still running after {} ms; their messages return to the queue unacked", sources,
                    timeout);
        }
        reader.flushAcks(); // the held acks of the tasks that completed: not to be delivered again
    }

    @Override
    protected void doStop() throws Exception {
        if (observed != null) {
            observed.close();
            observed = null;
        }
        if (livenessCheck != null) {
            HealthCheckRegistry registry = HealthCheckRegistry.get(endpoint.getCamelContext());
            if (registry != null) {
                registry.unregister(livenessCheck);
            }
            livenessCheck = null;
        }
        if (reader != null) {
            stopTakingDeliveries();
            reader.close();
        }
        ExecutorServiceManager executors = endpoint.getCamelContext().getExecutorServiceManager();
        for (ExecutorService service : new ExecutorService[]{workerThreads, scheduler}) {
            if (service != null) {
                executors.shutdownNow(service);
            }
        }
        if (connection != null) {
            connection.close();
        }
        super.doStop();
    }
}
