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
package io.github.dp3taskqueue.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;

import io.github.dp3taskqueue.EndpointSettings;
import io.github.dp3taskqueue.InputForm;
import io.github.dp3taskqueue.TaskQueueConstants;
import io.github.dp3taskqueue.TaskQueueEndpoint;
import io.github.dp3taskqueue.connection.BrokerConnection;
import io.github.dp3taskqueue.dp3.task.TaskKind;
import io.github.dp3taskqueue.health.TaskQueueHealthCheck;
import io.github.dp3taskqueue.metrics.TaskQueueMetrics;
import io.github.dp3taskqueue.observe.Refusals;
import io.github.dp3taskqueue.publisher.ConfirmedPublisher;
import io.github.dp3taskqueue.publisher.OutgoingMessage;
import io.github.dp3taskqueue.topology.StartupCheck;
import io.github.dp3taskqueue.topology.TopologySession;
import io.github.dp3taskqueue.topology.WorkerCountCheck;

/**
 * {@code to("dp3-taskqueue:APP")}: publishes each task to the worker DP3 would pick, and
 * completes the exchange asynchronously when the broker has confirmed every message of it.
 */
public class TaskQueueProducer extends DefaultAsyncProducer {

    private final TaskQueueEndpoint endpoint;
    private PublishPlanner planner;
    private BrokerConnection connection;
    private ConfirmedPublisher publisher;
    private volatile ProducerObserved observed;
    private ScheduledExecutorService scheduler;
    private ExecutorService completions;
    private WritableHealthCheckRepository healthChecks;
    private TaskQueueHealthCheck healthCheck;

    public TaskQueueProducer(TaskQueueEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        Refusals refusals = endpoint.getComponent().refusals(endpoint.getApplication());
        Refusals.Side side = endpoint.getConfiguration().getInput() == InputForm.API ? Refusals.Side.API
                : Refusals.Side.PRODUCER;
        planner = new PublishPlanner(endpoint.getSettings(), refused -> refusals.record(side, refused));
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        EndpointSettings settings = endpoint.getSettings();
        EndpointSettings.Producing options = settings.producer();
        connection = endpoint.openBrokerConnection("producer", true);
        List<String> normalQueues = settings.kind() != TaskKind.DATAPOINT ? List.of()
                : IntStream.range(0, settings.workersOrDefault()).mapToObj(i -> settings.names().normalQueue(i))
                        .toList();
        TopologySession.open(connection, settings.retry(), settings.topology(), settings.declareTopology(),
                new TopologySession.Uses(StartupCheck.Kind.EXCHANGE,
                        settings.topology().exchangesWrittenBy(settings.kind()),
                        normalQueues),
                endpoint.getComponent());
        try {
            WorkerCountCheck.requireNoMoreWorkers(connection, i -> settings.names().workerQueue(settings.kind(), i),
                    settings.workersOrDefault(), settings.origins().workers(), "producer",
                    settings.allowFewerWorkers());
        } catch (RuntimeException e) {
            connection.close(); // a producer that does not start holds no connection
            connection = null;
            throw e;
        }
        var executors = endpoint.getCamelContext().getExecutorServiceManager();
        scheduler = executors.newSingleThreadScheduledExecutor(this, "Dp3PublishRetry");
        completions = executors.newFixedThreadPool(this, "Dp3PublishConfirmed", 2);
        TaskQueueMetrics metrics = TaskQueueMetrics.forEndpoint(endpoint.getCamelContext(), endpoint.getApplication(),
                settings.kind().optionValue());
        publisher = new ConfirmedPublisher(connection, settings.names(), options.confirmWindow(),
                options.queueFullTimeoutMillis(), options.persistent(), settings.retry(), scheduler, completions,
                metrics);
        connection.onBlocked(publisher::blocked, publisher::unblocked);
        publisher.start();
        observed = new ProducerObserved(endpoint, connection, publisher, metrics);
        registerHealthCheck(settings);
    }

    /** Camel keeps producer checks in a repository of their own, where a producer adds itself. */
    private void registerHealthCheck(EndpointSettings settings) {
        if (!endpoint.getComponent().isHealthCheckProducerEnabled()) {
            return;
        }
        healthChecks = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthChecks != null) {
            healthCheck = new TaskQueueHealthCheck("dp3-taskqueue-producer:" + endpoint.getApplication() + ":"
                    + settings.kind().optionValue(), connection, connection.description(), StartupCheck.Kind.EXCHANGE,
                    settings.topology().exchangesWrittenBy(settings.kind()),
                    this::isRunAllowed, HealthCheck.Kind.ALL).downWhen(this::blockedMessage);
            healthChecks.addHealthCheck(healthCheck);
        }
    }

    private String blockedMessage() {
        String reason = connection.blockedReason();
        return reason == null ? null : "RabbitMQ at " + connection.description() + " blocks publishing (" + reason
                + "): tasks are held, and fail after queueFullTimeout";
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        List<OutgoingMessage> messages;
        try {
            messages = planner.plan(exchange);
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (messages.isEmpty()) { // every item was invalid and skipInvalidTasks is on
            setResultHeaders(exchange.getMessage(), messages);
            callback.done(true);
            return true;
        }
        publisher.publish(messages, (error, confirmed) -> {
            if (error != null) {
                // what was confirmed is in the queues: say how much, so a caller can answer for the rest
                exchange.getMessage().setHeader(TaskQueueConstants.PUBLISHED_COUNT, confirmed);
                exchange.setException(error);
            } else {
                setResultHeaders(exchange.getMessage(), messages);
            }
            callback.done(false);
        });
        return false;
    }

    private static void setResultHeaders(Message message, List<OutgoingMessage> messages) {
        PublishPlanner.removeOverrides(message);
        List<Integer> workers = new ArrayList<>(messages.size());
        for (OutgoingMessage m : messages) {
            workers.add(m.worker());
        }
        message.setHeader(TaskQueueConstants.WORKER_INDEXES, workers);
        if (messages.size() == 1) {
            message.setHeader(TaskQueueConstants.WORKER_INDEX, messages.get(0).worker());
            message.setHeader(TaskQueueConstants.MESSAGE_ID, messages.get(0).messageId());
        } else {
            message.removeHeader(TaskQueueConstants.WORKER_INDEX);
            message.removeHeader(TaskQueueConstants.MESSAGE_ID);
        }
        if (!messages.isEmpty()) {
            message.setHeader(TaskQueueConstants.EXCHANGE, messages.get(0).exchange());
        }
        message.setHeader(TaskQueueConstants.PUBLISHED_COUNT, messages.size());
    }

    @Override
    protected void doStop() throws Exception {
        if (observed != null) {
            observed.close();
            observed = null;
        }
        if (healthChecks != null && healthCheck != null) {
            healthChecks.removeHealthCheck(healthCheck);
        }
        if (publisher != null) {
            publisher.stop(endpoint.drainTimeout());
        }
        var executors = endpoint.getCamelContext().getExecutorServiceManager();
        if (scheduler != null) {
            executors.shutdown(scheduler);
        }
        if (completions != null) {
            executors.shutdown(completions);
        }
        if (connection != null) {
            connection.close();
        }
        super.doStop();
    }
}
