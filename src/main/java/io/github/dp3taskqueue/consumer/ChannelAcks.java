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
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;

/**
 * Settles the deliveries of one channel (a delivery tag is valid on its own channel only).
 * <p>
 * A successful task's ack may be held back and sent with later ones as one {@code multiple}
 * ack: one ack per task is a large share of what the broker does per delivery
 * (docs/decisions/held-acks.md has the measurement). An ack is held only while the consumer is busy: it goes out when
 * {@code batchSize} acks are held, when no further delivery is waiting to be processed, and at the
 * latest {@link #MAX_HOLD_MILLIS} after it was held. Every ack is still sent after its task
 * completed; what holding costs is that after a crash a few completed tasks come again (as
 * with any crash between completion and ack: never more than the prefetch).
 * <p>
 * A multiple ack acknowledges every unacked tag up to the one given, so it is only sent up to the
 * end of the run of tags from the oldest open one that are all finished: a task still running,
 * waiting or held for a delayed requeue stops the run, and the successes after it are acked one
 * by one.
 */
final class ChannelAcks {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelAcks.class);

    /** Longest an ack waits for others to join it. */
    static final long MAX_HOLD_MILLIS = 20;

    private final Channel channel;
    private final String queue;
    private final int batchSize;
    private final BooleanSupplier moreWaiting;
    private final ConsumerMetrics metrics;
    private final ScheduledExecutorService scheduler;

    // guarded by this; all empty when batchSize is 1 (every ack sent at once, nothing tracked)
    // delivered tags, oldest first, up to the first unfinished
    private final ArrayDeque<Long> open = new ArrayDeque<>();
    private final Map<Long, Boolean> finished = new HashMap<>(); // tag -> true: ack held; false: settled already
    private long ackUpTo; // the held ack that covers the finished run from the oldest tag (0: none)
    private int heldInRun; // held acks that ackUpTo covers
    private int held; // all held acks
    private boolean flushScheduled; // a timed flush is pending: one at a time per channel

    /**
     * @param batchSize   most acks held before they are sent as one; 1 sends each at once
     * @param moreWaiting whether another delivery waits to be processed (if not, held acks go now)
     * @param scheduler   sends held acks after {@link #MAX_HOLD_MILLIS}; {@code null} only with batchSize 1
     */
    ChannelAcks(Channel channel, String queue, int batchSize, BooleanSupplier moreWaiting, ConsumerMetrics metrics,
            ScheduledExecutorService scheduler) {
        this.channel = channel;
        this.queue = queue;
        this.batchSize = Math.max(1, batchSize);
        this.moreWaiting = moreWaiting;
        this.metrics = metrics;
        this.scheduler = scheduler;
    }

    /** Each ack at once, as needed where deliveries are taken one by one (basic.get). */
    static ChannelAcks immediate(Channel channel, String queue, ConsumerMetrics metrics) {
        return new ChannelAcks(channel, queue, 1, () -> false, metrics, null);
    }

    Channel channel() {
        return channel;
    }

    /** Called for every delivery of the channel, in the order the broker sent them. */
    /** Acks of completed tasks held now. */
    synchronized int held() {
        return held;
    }

    synchronized void delivered(long tag) {
        if (batchSize > 1) {
            open.add(tag);
        }
    }

    /** The task of {@code tag} completed: ack it, now or with the next ones. */
    void succeeded(long tag) {
        if (batchSize == 1) {
            send(tag, false, 1);
            return;
        }
        boolean flushNow;
        synchronized (this) {
            finished.put(tag, Boolean.TRUE);
            held++;
            advance();
            flushNow = held >= batchSize;
            if (!flushNow && !flushScheduled) {
                flushScheduled = schedule();
                flushNow = !flushScheduled;
            }
        }
        // asked outside this lock: the dispatcher's lock is taken by amqp-client's delivery thread,
        // which takes this lock in delivered()
        if (flushNow || !moreWaiting.getAsBoolean()) {
            flush();
        }
    }

    /** The task of {@code tag} failed: nack it now (with or without requeue); it ends no held ack. */
    void failed(long tag, boolean requeue) {
        synchronized (this) {
            if (batchSize > 1) {
                finished.put(tag, Boolean.FALSE);
                advance();
            }
            try {
                if (requeue) {
                    channel.basicNack(tag, false, true);
                    metrics.requeued(queue);
                } else {
                    channel.basicReject(tag, false);
                    metrics.rejected(queue);
                }
            } catch (IOException | AlreadyClosedException e) {
                LOG.debug("settling delivery {} of {} failed ({}); the broker redelivers it", tag, queue,
                        e.getMessage());
            }
        }
    }

    private synchronized void timedFlush() {
        flushScheduled = false;
        flush();
    }

    /** Sends every held ack. */
    synchronized void flush() {
        if (held == 0) {
            return;
        }
        if (ackUpTo > 0) {
            send(ackUpTo, true, heldInRun);
            held -= heldInRun;
            ackUpTo = 0;
            heldInRun = 0;
        }
        if (held > 0) { // finished out of order, behind a task not yet finished
            for (Map.Entry<Long, Boolean> entry : finished.entrySet()) {
                if (entry.getValue()) {
                    send(entry.getKey(), false, 1);
                    entry.setValue(Boolean.FALSE);
                }
            }
            held = 0;
        }
    }

    /** Moves the finished run from the oldest open tag into ackUpTo. */
    private void advance() {
        while (!open.isEmpty()) {
            Boolean success = finished.remove(open.peekFirst());
            if (success == null) {
                return;
            }
            long tag = open.removeFirst();
            if (success) {
                ackUpTo = tag;
                heldInRun++;
            }
        }
    }

    private boolean schedule() {
        if (scheduler == null) {
            return false;
        }
        try {
            scheduler.schedule(this::timedFlush, MAX_HOLD_MILLIS, TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException stopping) {
            return false;
        }
    }

    private void send(long tag, boolean multiple, int count) {
        if (!channel.isOpen()) {
            LOG.debug("not acking delivery {} of {}: its channel closed, the broker redelivers it", tag, queue);
            return;
        }
        try {
            channel.basicAck(tag, multiple);
            metrics.acked(queue, count);
        } catch (IOException | AlreadyClosedException e) {
            LOG.debug("acking delivery {} of {} failed ({}); the broker redelivers it", tag, queue, e.getMessage());
        }
    }
}
