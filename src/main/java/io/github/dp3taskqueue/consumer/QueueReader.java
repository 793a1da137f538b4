package io.github.dp3taskqueue.consumer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;

import io.github.dp3taskqueue.TaskQueueConfiguration;
import io.github.dp3taskqueue.connection.BrokerConnection;
import io.github.dp3taskqueue.topology.BrokerReplies;

/**
 * Subscribes to a worker's queues, one channel per queue with its own prefetch (as DP3's
 * {@code prefetch_count} per consumer), and feeds every delivery to the dispatcher. When a
 * channel or the connection is lost it drops the lost channels' buffered deliveries (the broker
 * redelivers them) and re-subscribes after DP3's reconnect delays.
 */
final class QueueReader {

    private static final Logger LOG = LoggerFactory.getLogger(QueueReader.class);

    /** A queue to read and whether it is the priority queue. */
    record Source(String queue, boolean priority) {
    }

    private final BrokerConnection connection;
    private final List<Source> sources;
    private final int prefetch;
    private final int ackBatchSize;
    private final DeliveryExchanges exchanges;
    private final PriorityDispatcher dispatcher;
    private final ConsumerMetrics metrics;
    private final List<Duration> reconnectDelays;
    private final ScheduledExecutorService scheduler;

    private final Object lock = new Object();
    private final List<Channel> channels = new ArrayList<>(); // guarded by lock
    private final java.util.Map<Channel, String> consumerTags = new java.util.IdentityHashMap<>(); // guarded by lock
    private final List<ChannelAcks> acks = new ArrayList<>(); // guarded by lock
    private Channel inspector; // guarded by lock
    private boolean running; // guarded by lock
    private boolean reconnecting; // guarded by lock

    QueueReader(BrokerConnection connection, List<Source> sources, TaskQueueConfiguration options, DeliveryExchanges exchanges,
            PriorityDispatcher dispatcher, ConsumerMetrics metrics, List<Duration> reconnectDelays, ScheduledExecutorService scheduler) {
        this.connection = connection;
        this.sources = sources;
        this.prefetch = options.getPrefetch();
        this.ackBatchSize = options.getAckBatchSize();
        this.exchanges = exchanges;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.reconnectDelays = reconnectDelays.isEmpty() ? List.of(Duration.ofSeconds(1)) : reconnectDelays;
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
                ChannelAcks channelAcks = new ChannelAcks(channel, source.queue(), ackBatchSize, () -> dispatcher.buffered() > 0, metrics,
                        scheduler);
                acks.add(channelAcks);
                String tag = channel.basicConsume(source.queue(), false, new DefaultConsumer(channel) {
                    @Override
                    public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                        metrics.delivered(source.queue(), envelope.isRedeliver());
                        channelAcks.delivered(envelope.getDeliveryTag());
                        dispatcher.offer(new Delivery(channelAcks, source.queue(), source.priority(), envelope, properties,
                                exchanges.parse(body)));
                    }
                });
                consumerTags.put(channel, tag);
            }
        } catch (IOException | RuntimeException e) {
            closeChannels();
            throw e;
        }
    }

    /** Ready messages in the priority queue(s), by passive declares; 0 when it cannot be told. */
    long priorityReady() {
        return sources.stream().filter(Source::priority).mapToLong(p -> ready(p.queue())).sum();
    }

    /** Ready messages of each queue read (for progress reports); 0 for a queue that cannot be asked. */
    java.util.Map<String, Long> depths() {
        java.util.Map<String, Long> depths = new java.util.LinkedHashMap<>();
        sources.forEach(s -> depths.put(s.queue(), ready(s.queue())));
        return depths;
    }

    private long ready(String queue) {
        Channel channel;
        synchronized (lock) {
            channel = inspector;
        }
        if (channel == null || !channel.isOpen()) {
            return 0;
        }
        try {
            synchronized (channel) { // one RPC at a time on the inspecting channel
                return channel.queueDeclarePassive(queue).getMessageCount();
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private void lost(Channel channel, ShutdownSignalException signal) {
        dispatcher.discardFrom(channel);
        if (signal.isInitiatedByApplication()) {
            return;
        }
        synchronized (lock) {
            if (!running || !channels.contains(channel) || reconnecting) {
                return;
            }
            reconnecting = true;
            LOG.warn("consumer channel of {} lost ({}); unacked deliveries return to the queue; re-subscribing",
                    sources.get(0).queue(), BrokerReplies.replyText(signal));
            closeChannels();
        }
        scheduleResubscribe(0);
    }

    private void scheduleResubscribe(int attempt) {
        Duration delay = attempt == 0 ? Duration.ZERO : reconnectDelays.get(Math.min(attempt - 1, reconnectDelays.size() - 1));
        scheduler.schedule(() -> resubscribe(attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
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
                LOG.info("consumer re-subscribed to {}", sources);
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("re-subscribe attempt {} failed: {}", attempt + 1, e.getMessage());
            }
        }
        scheduleResubscribe(attempt + 1);
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
            } catch (IOException | RuntimeException | java.util.concurrent.TimeoutException e) {
                LOG.debug("closing a consumer channel: {}", e.getMessage());
            }
            dispatcher.discardFrom(channel);
        }
    }
}
