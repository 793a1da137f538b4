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
package io.github.dp3taskqueue.publisher;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;

import io.github.dp3taskqueue.connection.BatchedWrites;
import io.github.dp3taskqueue.connection.BrokerReplies;
import io.github.dp3taskqueue.connection.ChannelSource;
import io.github.dp3taskqueue.connection.RetrySchedule;
import io.github.dp3taskqueue.metrics.TaskQueueMetrics;

/**
 * The confirm-mode channel a {@link ConfirmedPublisher} writes on, through its losses: the messages
 * written and not yet confirmed, and the messages parked while there is no channel (lost,
 * reconnecting after {@code retryDelays}) or while the broker blocks publishing. When the channel
 * is lost, its unconfirmed messages are parked first, in their order, and every parked message is
 * written again on the next channel (at-least-once, with the same message id); a message the broker
 * can never take (its exchange deleted, no permission) is failed instead.
 */
final class PublishChannel {

    private static final Logger LOG = LoggerFactory.getLogger(PublishChannel.class);

    /** What the publisher does with the channel's events. */
    interface Events {
        /** The broker confirmed ({@code ack}) or refused messages up to {@code sequence}. */
        void confirmed(long sequence, boolean multiple, boolean ack);

        /** A message that ends now, with this error. */
        void failed(PendingMessage pending, Throwable error);
    }

    /** Where {@link #send} left a message. */
    enum Sent {
        WRITTEN, PARKED, CLOSED
    }

    /** A parked message that waited too long, and the error it ends with. */
    record Expired(PendingMessage pending, RuntimeException error) {
    }

    private final ChannelSource channels;
    private final RetrySchedule reconnects;
    private final ScheduledExecutorService scheduler;
    private final TaskQueueMetrics metrics;
    private final Events events;

    private final Object lock = new Object();
    private final UnconfirmedMessages unconfirmed = new UnconfirmedMessages();
    private final Deque<PendingMessage> parked = new ArrayDeque<>(); // guarded by lock
    private final BrokerBlock block = new BrokerBlock();
    private Channel channel; // guarded by lock
    // the channel's connection's batched writes, or null (a connectionFactory of the user's); set with channel
    private volatile BatchedWrites writes;
    private boolean reconnecting; // guarded by lock
    private boolean closed; // guarded by lock
    private volatile boolean disconnected; // no channel since a loss, reconnecting

    PublishChannel(ChannelSource channels, RetrySchedule reconnects, ScheduledExecutorService scheduler,
            TaskQueueMetrics metrics, Events events) {
        this.channels = channels;
        this.reconnects = reconnects;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.events = events;
    }

    void open() throws IOException {
        Channel opened = openConfirmChannel();
        synchronized (lock) {
            use(opened);
        }
    }

    /** Writes the message, or parks it while there is no channel or the broker blocks publishing. */
    Sent send(PendingMessage pending) {
        synchronized (lock) {
            if (closed) {
                return Sent.CLOSED;
            }
            if (channel == null || block.reason() != null) {
                parked.add(pending);
                return Sent.PARKED;
            }
            long sequence = channel.getNextPublishSeqNo();
            unconfirmed.put(sequence, pending);
            try {
                OutgoingMessage m = pending.message;
                pending.written = true;
                channel.basicPublish(m.exchange(), m.routingKey(), true, pending.properties, m.body());
                metrics.published(m.worker());
                return Sent.WRITTEN;
            } catch (IOException | AlreadyClosedException e) {
                // lost() moves it (and every other unconfirmed message) to parked
                LOG.debug("publish failed, will republish after reconnect: {}", e.getMessage());
                if (!unconfirmed.take(sequence, false).isEmpty()) {
                    parked.add(pending);
                }
                lost(channel, null);
                return Sent.PARKED;
            }
        }
    }

    /** The messages confirmed by a confirm of {@code sequence}. */
    List<PendingMessage> confirmedUpTo(long sequence, boolean multiple) {
        return unconfirmed.take(sequence, multiple);
    }

    /** The current channel's batched writes, or {@code null}. */
    BatchedWrites writes() {
        return writes;
    }

    /** Writing what was held on {@code held} failed: its socket is broken, as when a publish fails. */
    void writeFailed(BatchedWrites held, IOException e) {
        LOG.debug("writing held messages failed, will republish after reconnect: {}", e.getMessage());
        synchronized (lock) {
            if (writes == held) {
                lost(channel, null);
            }
        }
    }

    /** The broker blocked the connection (a resource alarm): hold new messages until it unblocks. */
    void blocked(String reason) {
        block.begin(reason);
    }

    /** The broker unblocked the connection: write what was held (on the scheduler, never on amqp-client's thread). */
    void unblocked() {
        block.end();
        try {
            scheduler.execute(this::sendParked);
        } catch (RejectedExecutionException e) {
            LOG.debug("unblocked while stopping");
        }
    }

    /** The broker's reason while it blocks publishing, else {@code null}. */
    String blockedReason() {
        return block.reason();
    }

    /** Whether the channel is lost and not re-established yet. */
    boolean disconnected() {
        return disconnected;
    }

    /**
     * The parked messages that waited for {@code timeoutNanos} and that {@code stall} says cannot
     * go on, taken out; says every 30 s of a block what waits.
     */
    List<Expired> expire(long timeoutNanos, PublishWindow.Stall stall) {
        List<Expired> expired = new ArrayList<>();
        if (block.reason() == null && !disconnected) {
            return expired;
        }
        synchronized (lock) {
            long now = System.nanoTime();
            parked.removeIf(pending -> {
                long waited = now - pending.firstPublishNanos;
                RuntimeException error = waited < timeoutNanos ? null
                        : stall.error(pending.message, TimeUnit.NANOSECONDS.toMillis(waited), pending.written);
                if (error != null) {
                    expired.add(new Expired(pending, error));
                }
                return error != null;
            });
            long seconds = block.secondsIfReportDue(now);
            if (seconds >= 0) {
                LOG.warn(
                        "RabbitMQ still blocks publishing ({}) after {} s: {} tasks held, {} written before the "
                                + "block wait for its confirm",
                        block.reason(), seconds, parked.size(), unconfirmed.size());
            }
        }
        return expired;
    }

    /** Since when the broker blocks publishing, else {@code null}. */
    Instant blockedSince() {
        return block.since();
    }

    /** Messages written and not confirmed. */
    int unconfirmed() {
        synchronized (lock) {
            return unconfirmed.size();
        }
    }

    /** Messages held unwritten while the broker blocks publishing or cannot be reached. */
    int held() {
        synchronized (lock) {
            return parked.size();
        }
    }

    /** Messages written and not confirmed, and parked ones. */
    int size() {
        synchronized (lock) {
            return unconfirmed.size() + parked.size();
        }
    }

    /** Closes the channel; the messages not confirmed and the parked ones, which no longer will be. */
    List<PendingMessage> close() {
        synchronized (lock) {
            closed = true;
            block.end();
            List<PendingMessage> abandoned = unconfirmed.takeAll();
            abandoned.addAll(parked);
            parked.clear();
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException | TimeoutException | RuntimeException e) {
                    LOG.debug("closing the publishing channel: {}", e.getMessage());
                }
                use(null);
            }
            return abandoned;
        }
    }

    /** The channel to publish on from now on (guarded by lock). */
    private void use(Channel opened) {
        channel = opened;
        writes = opened == null ? null : BatchedWrites.of(opened);
    }

    private Channel openConfirmChannel() throws IOException {
        Channel opened = channels.openChannel();
        opened.confirmSelect();
        opened.addConfirmListener((sequence, multiple) -> events.confirmed(sequence, multiple, true),
                (sequence, multiple) -> events.confirmed(sequence, multiple, false));
        opened.addReturnListener(returned -> unconfirmed.returned(returned.getProperties().getMessageId(),
                returned.getReplyCode() + " " + returned.getReplyText()));
        opened.addShutdownListener(signal -> {
            if (!signal.isInitiatedByApplication()) {
                lost(opened, signal);
            }
        });
        return opened;
    }

    /** The channel closed under us: park everything unconfirmed and reconnect. */
    private void lost(Channel gone, ShutdownSignalException signal) {
        synchronized (lock) {
            if (channel != gone) {
                return;
            }
            use(null);
            disconnected = true;
            PublishRefusal refusal = signal == null ? null : PublishRefusal.of(signal);
            List<PendingMessage> requeue = unconfirmed.takeAll();
            // unconfirmed messages go first, in their original order, before the ones parked since
            for (int i = requeue.size() - 1; i >= 0; i--) {
                PendingMessage pending = requeue.get(i);
                if (refusal != null && refusal.appliesTo(pending.message.exchange())) {
                    events.failed(pending, refusal.error());
                } else {
                    parked.addFirst(pending);
                }
            }
            LOG.warn("publishing channel lost ({}); {} unconfirmed messages will be republished",
                    signal == null ? "publish failed" : BrokerReplies.replyText(signal), parked.size());
            scheduleReconnect(0);
        }
    }

    private void scheduleReconnect(int attempt) {
        if (closed || (attempt == 0 && reconnecting)) {
            return;
        }
        reconnecting = true;
        Duration delay = reconnects.beforeRecoveryAttempt(attempt);
        try {
            scheduler.schedule(() -> reconnect(attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("not reconnecting: the producer is stopping");
        }
    }

    private void reconnect(int attempt) {
        Channel opened;
        try {
            opened = openConfirmChannel();
        } catch (IOException | RuntimeException e) {
            LOG.warn("reconnect attempt {} failed: {}", attempt + 1, e.getMessage());
            synchronized (lock) {
                scheduleReconnect(attempt + 1);
            }
            return;
        }
        synchronized (lock) {
            reconnecting = false;
            if (closed) {
                closeQuietly(opened);
                return;
            }
            use(opened);
            disconnected = false;
            LOG.info("publishing channel re-established; republishing {} messages", parked.size());
            sendParked();
        }
    }

    private void sendParked() {
        synchronized (lock) {
            if (channel == null || block.reason() != null) {
                return;
            }
            List<PendingMessage> waiting = new ArrayList<>(parked);
            parked.clear();
            for (PendingMessage pending : waiting) {
                send(pending);
            }
        }
    }

    private static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException | TimeoutException | RuntimeException e) {
            LOG.debug("closing a channel opened while stopping: {}", e.getMessage());
        }
    }
}
