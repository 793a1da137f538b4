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
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;

import io.github.dp3taskqueue.EndpointSettings;
import io.github.dp3taskqueue.connection.BrokerConnection;
import io.github.dp3taskqueue.connection.BrokerReplies;
import io.github.dp3taskqueue.connection.RetrySchedule;
import io.github.dp3taskqueue.observe.WatchedQueue;
import io.github.dp3taskqueue.topology.StartupCheck;

/**
 * Subscribes to a worker's queues, one channel per queue with its own prefetch (as DP3's
 * {@code prefetch_count} per consumer), and feeds every delivery to the dispatcher. When a
 * channel or the connection is lost it drops the lost channels' buffered deliveries (the broker
 * redelivers them) and re-subscribes after DP3's reconnect delays. When the broker cancels one
 * subscription ({@code basic.cancel}: the queue was deleted, or its node lost) that queue is
 * re-subscribed alone once it exists again. Either way it says so and readiness is DOWN until
 * it is back. Nothing that waits for the broker runs on amqp-client's connection thread, which
 * must stay free to read the replies.
 */
final class QueueReader {

    private static final Logger LOG = LoggerFactory.getLogger(QueueReader.class);

    /** A queue to read, whether it is the priority queue, the worker it belongs to and its lane. */
    record Source(String queue, boolean priority, int worker, WatchedQueue.Lane lane) {
        WatchedQueue watched() {
            return new WatchedQueue(queue, worker, lane);
        }
    }

    private final BrokerConnection connection;
    private final List<Source> sources;
    private final int prefetch;
    private final int ackBatchSize;
    private final DeliveryExchanges exchanges;
    private final PriorityDispatcher dispatcher;
    private final ConsumerMetrics metrics;
    private final RetrySchedule reconnects;
    private final ScheduledExecutorService scheduler;

    private final Object lock = new Object();
    private final List<Channel> channels = new ArrayList<>(); // guarded by lock
    private final Map<Channel, String> consumerTags = new IdentityHashMap<>(); // guarded by lock
    private final List<ChannelAcks> acks = new ArrayList<>(); // guarded by lock
    private Channel inspector; // guarded by lock
    private boolean running; // guarded by lock
    private boolean reconnecting; // guarded by lock
    // why a queue (or, under ALL_QUEUES, every queue) is not read now, for readiness
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    private static final String ALL_QUEUES = "";

    QueueReader(BrokerConnection connection, List<Source> sources, EndpointSettings.Consuming options,
            DeliveryExchanges exchanges,
            PriorityDispatcher dispatcher, ConsumerMetrics metrics, RetrySchedule reconnects,
            ScheduledExecutorService scheduler) {
        this.connection = connection;
        this.sources = sources;
        this.prefetch = options.prefetch();
        this.ackBatchSize = options.ackBatchSize();
        this.exchanges = exchanges;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.reconnects = reconnects;
        this.scheduler = scheduler;
    }

    void start() throws IOException {
        synchronized (lock) {
            running = true;
            subscribe();
        }
    }

    /** Subscribes in order: the priority queue comes first in {@code sources}, so its deliveries start first. */
    private void subscribe() throws IOException {
        try {
            inspector = connection.openChannel();
            for (Source source : sources) {
                Channel channel = connection.openChannel();
                channels.add(channel);
                channel.basicQos(prefetch, false);
                channel.addShutdownListener(signal -> lost(channel, signal));
                // held acks go as soon as no delivery waits for a worker (see ChannelAcks)
                ChannelAcks channelAcks = new ChannelAcks(channel, source.queue(), ackBatchSize,
                        () -> dispatcher.buffered() > 0, metrics,
                        scheduler);
                acks.add(channelAcks);
                consume(channel, source, channelAcks);
            }
        } catch (IOException | RuntimeException e) {
            closeChannels();
            throw e;
        }
    }

    private void consume(Channel channel, Source source, ChannelAcks channelAcks) throws IOException {
        String tag = channel.basicConsume(source.queue(), false, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties,
                    byte[] body) {
                channelAcks.delivered(envelope.getDeliveryTag());
                dispatcher.offer(new Delivery(channelAcks, source.queue(), source.priority(), envelope, properties,
                        exchanges.parse(body)));
                // counted once buffered: a delivery counted as consumed is one the dispatcher can hand out
                metrics.delivered(source.queue(), envelope.isRedeliver());
            }

            @Override
            public void handleCancel(String consumerTag) {
                cancelledByBroker(channel, source, channelAcks);
            }
        });
        consumerTags.put(channel, tag);
    }

    /** Why this reader does not read all its queues now (for readiness), or {@code null}. */
    String problem() {
        return problems.values().stream().findFirst().orElse(null);
    }

    /** The broker ended one subscription: the queue is read again once it exists again. */
    private void cancelledByBroker(Channel channel, Source source, ChannelAcks channelAcks) {
        synchronized (lock) {
            if (!running || !channels.contains(channel)) {
                return;
            }
            consumerTags.remove(channel);
        }
        String problem = "the broker cancelled the subscription to queue '" + source.queue()
                + "' (deleted, or its node lost); re-subscribing";
        problems.put(source.queue(), problem);
        LOG.warn("{}; its unacked deliveries are the broker's again. Re-subscribing once it exists (retryDelays)",
                problem);
        scheduleRetry(0, attempt -> resubscribeQueue(channel, source, channelAcks, attempt));
    }

    private void resubscribeQueue(Channel channel, Source source, ChannelAcks channelAcks, int attempt) {
        synchronized (lock) {
            if (!running || !channels.contains(channel)) {
                return; // stopped, or the whole reader re-subscribed meanwhile
            }
            try {
                String missing = StartupCheck.firstMissing(connection, StartupCheck.Kind.QUEUE,
                        List.of(source.queue()));
                if (missing == null) {
                    consume(channel, source, channelAcks);
                    problems.remove(source.queue());
                    LOG.info("consumer re-subscribed to queue '{}'", source.queue());
                    return;
                }
                LOG.warn("queue '{}' does not exist (attempt {}): declare DP3's topology (or set declareTopology=true)",
                        missing, attempt + 1);
            } catch (IOException | RuntimeException e) {
                LOG.warn("re-subscribing to queue '{}' failed (attempt {}): {}", source.queue(), attempt + 1,
                        BrokerReplies.describe(e));
            }
        }
        scheduleRetry(attempt + 1, next -> resubscribeQueue(channel, source, channelAcks, next));
    }

    /** Acks held now on every channel. */
    int heldAcks() {
        synchronized (lock) {
            return acks.stream().mapToInt(ChannelAcks::held).sum();
        }
    }

    /** Ready messages in the priority queue(s), by passive declares; 0 when it cannot be told. */
    long priorityReady() {
        return sources.stream().filter(Source::priority).mapToLong(p -> ready(p.queue())).sum();
    }

    private long ready(String queue) {
        Channel channel = inspector();
        if (channel == null) {
            return 0;
        }
        try {
            synchronized (channel) { // one RPC at a time on the inspecting channel
                return channel.queueDeclarePassive(queue).getMessageCount();
            }
        } catch (IOException | RuntimeException e) {
            return 0; // a missing queue closes the channel: the next call opens another
        }
    }

    /**
     * The channel that asks for ready counts, re-opened when the broker closed it (else strict priority would weaken).
     */
    private Channel inspector() {
        synchronized (lock) {
            if (!running || reconnecting) {
                return null;
            }
            if (inspector == null || !inspector.isOpen()) {
                try {
                    inspector = connection.openChannel();
                } catch (IOException | RuntimeException e) {
                    LOG.warn("cannot open a channel to ask {} for its ready count: {}", sources.get(0).queue(),
                            e.getMessage());
                    inspector = null;
                }
            }
            return inspector;
        }
    }

    /**
     * A channel closed by the broker (the connection lost, or {@code consumer_timeout} for a task
     * running longer than the broker allows). Runs on amqp-client's connection thread: closing the
     * other channels waits for the broker's reply, which only that thread reads, so it is done on
     * the scheduler.
     */
    private void lost(Channel channel, ShutdownSignalException signal) {
        dispatcher.discardFrom(channel);
        if (signal.isInitiatedByApplication()) {
            return;
        }
        String queue;
        synchronized (lock) {
            if (!running || !channels.contains(channel) || reconnecting) {
                return;
            }
            reconnecting = true;
            queue = sources.get(channels.indexOf(channel)).queue(); // one channel per source, in order
        }
        String problem = "consumer channel of " + queue + " lost (" + BrokerReplies.replyText(signal)
                + "); re-subscribing";
        problems.put(ALL_QUEUES, problem);
        LOG.warn("{}; unacked deliveries return to the queue", problem);
        scheduleRetry(0, attempt -> {
            synchronized (lock) {
                closeChannels();
            }
            resubscribe(attempt);
        });
    }

    /** Runs {@code step} after the reconnect delay of {@code attempt} (the last delay repeats for ever). */
    private void scheduleRetry(int attempt, IntConsumer step) {
        Duration delay = reconnects.beforeRecoveryAttempt(attempt);
        try {
            scheduler.schedule(() -> step.accept(attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("not retrying: the consumer is stopping");
        }
    }

    private void resubscribe(int attempt) {
        synchronized (lock) {
            if (!running) {
                reconnecting = false;
                return;
            }
            try {
                subscribe();
                reconnecting = false;
                problems.clear();
                LOG.info("consumer re-subscribed to {}", sources);
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("re-subscribing to {} failed (attempt {}): {}", sources, attempt + 1,
                        BrokerReplies.describe(e));
            }
        }
        scheduleRetry(attempt + 1, this::resubscribe);
    }

    /** Stops deliveries: cancels the subscriptions but keeps the channels open for acks. */
    void cancel() {
        synchronized (lock) {
            running = false;
            for (Channel channel : channels) {
                try {
                    String tag = consumerTags.get(channel);
                    if (channel.isOpen() && tag != null) {
                        channel.basicCancel(tag);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.debug("cancel failed: {}", e.getMessage());
                }
            }
        }
    }

    /** Sends the acks held for completed tasks (before the channels close, which would return them). */
    void flushAcks() {
        List<ChannelAcks> all;
        synchronized (lock) {
            all = new ArrayList<>(acks);
        }
        all.forEach(ChannelAcks::flush);
    }

    /** Closes every channel; unacked deliveries return to their queues. */
    void close() {
        synchronized (lock) {
            running = false;
            closeChannels();
        }
    }

    private void closeChannels() {
        List<Channel> all = new ArrayList<>(channels);
        if (inspector != null) {
            all.add(inspector);
        }
        channels.clear();
        consumerTags.clear();
        acks.clear();
        inspector = null;
        for (Channel channel : all) {
            try {
                if (channel.isOpen()) {
                    channel.close();
                }
            } catch (IOException | RuntimeException | TimeoutException e) {
                LOG.debug("closing a consumer channel: {}", e.getMessage());
            }
            dispatcher.discardFrom(channel);
        }
    }
}
