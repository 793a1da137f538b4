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

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.PollingConsumerSupport;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;

import io.github.dp3taskqueue.FailurePolicy;
import io.github.dp3taskqueue.TaskQueueEndpoint;
import io.github.dp3taskqueue.connection.BrokerConnection;
import io.github.dp3taskqueue.metrics.TaskQueueMetrics;

/**
 * {@code consumer.receive()} and {@code pollEnrich}: the next task of worker {@code i}, priority
 * queue first, fetched with {@code basic.get}. The message is acked when the exchange completes
 * (pollEnrich hands the completion over to the enriched exchange), like the event-driven
 * consumer; an exchange that never completes leaves its message unacked until this consumer
 * stops, and the broker then redelivers it.
 */
public class TaskQueuePollingConsumer extends PollingConsumerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(TaskQueuePollingConsumer.class);
    private static final long POLL_INTERVAL_MILLIS = 20;

    private final TaskQueueEndpoint endpoint;
    private final DeliveryExchanges exchanges;
    private List<QueueReader.Source> sources;
    private FailurePolicy failurePolicy;
    private ConsumerMetrics metrics;
    private BrokerConnection connection;
    private Channel channel;
    private final ConsumerState.Counts counts = new ConsumerState.Counts();
    private ConsumerObserved observed;

    public TaskQueuePollingConsumer(TaskQueueEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.exchanges = new DeliveryExchanges(endpoint);
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        sources = WorkerQueues.of(endpoint.getSettings());
        failurePolicy = endpoint.getSettings().consumer().onFailure();
        metrics = ConsumerMetrics.of(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // the same start-up as the event-driven consumer, declareTopology included
        connection = WorkerQueues.connect(endpoint, sources,
                "polling consumer worker " + endpoint.getSettings().workerIndex());
        channel = connection.openChannel();
        observed = new ConsumerObserved(endpoint, "polling consumer", "none (polled)", connection, sources,
                TaskQueueMetrics.forEndpoint(endpoint.getCamelContext(), endpoint.getApplication(),
                        endpoint.getSettings().kind().optionValue()),
                // a taken exchange is the caller's until it completes: it counts as running
                () -> new ConsumerState(0, counts.running.get(), 0, 0, counts.lastDelivery(), counts.lastLane),
                () -> null);
    }

    @Override
    public Exchange receiveNoWait() {
        try {
            synchronized (this) {
                if (channel == null || !channel.isOpen()) {
                    channel = connection.openChannel();
                }
                for (QueueReader.Source source : sources) {
                    GetResponse response = channel.basicGet(source.queue(), false);
                    if (response != null) {
                        // taken one at a time by the caller: each ack goes at once
                        Delivery delivery = new Delivery(ChannelAcks.immediate(channel, source.queue(), metrics),
                                source.queue(), source.priority(), response.getEnvelope(),
                                response.getProps(), exchanges.parse(response.getBody()));
                        Exchange exchange = exchanges.create(delivery);
                        exchange.getExchangeExtension()
                                .addOnCompletion(
                                        new AckOnCompletion(delivery, failurePolicy, null, 0, counts.delayed));
                        counts.delivered(source.lane().label());
                        counts.running.incrementAndGet();
                        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                            @Override
                            public void onDone(Exchange done) {
                                counts.running.decrementAndGet();
                            }
                        });
                        return exchange;
                    }
                }
                return null;
            }
        } catch (IOException e) {
            throw new RuntimeCamelException("polling " + sources + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Exchange receive() {
        return receive(Long.MAX_VALUE);
    }

    @Override
    public Exchange receive(long timeout) {
        long deadline = timeout == Long.MAX_VALUE ? Long.MAX_VALUE : System.currentTimeMillis() + timeout;
        while (isRunAllowed()) {
            Exchange exchange = receiveNoWait();
            if (exchange != null || System.currentTimeMillis() >= deadline) {
                return exchange;
            }
            try {
                Thread.sleep(Math.min(POLL_INTERVAL_MILLIS, Math.max(1, deadline - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    @Override
    protected void doStop() throws Exception {
        if (observed != null) {
            observed.close();
            observed = null;
        }
        synchronized (this) {
            // unacked deliveries return to their queues now, also when the connection is a user's and stays open
            if (channel != null && channel.isOpen()) {
                try {
                    channel.close();
                } catch (IOException | TimeoutException | RuntimeException e) {
                    LOG.debug("closing the polling channel: {}", e.getMessage());
                }
            }
            channel = null;
        }
        if (connection != null) {
            connection.close();
        }
        super.doStop();
    }
}
