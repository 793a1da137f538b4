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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.dp3taskqueue.connection.BatchedWrites;
import io.github.dp3taskqueue.connection.ChannelSource;
import io.github.dp3taskqueue.connection.RetrySchedule;
import io.github.dp3taskqueue.metrics.TaskQueueMetrics;
import io.github.dp3taskqueue.topology.TopologyNames;

/**
 * Publishes on one confirm-mode channel with a window of unconfirmed messages, as a plain
 * amqp-client publisher with asynchronous confirms does: no thread waits for a confirm.
 * <ul>
 * <li>ack: the message is done (or failed, when it was returned as unroutable first);</li>
 * <li>nack (worker queue full under {@code reject-publish}): republished after a short backoff
 * until {@code queueFullTimeout}, then failed with {@link QueueFullException};</li>
 * <li>channel or connection lost ({@link PublishChannel}): every unconfirmed message is republished on a new channel
 * once the broker is back (at-least-once: a message the broker had taken before the loss is
 * published twice, with the same message id); a message still waiting after
 * {@code queueFullTimeout} fails with {@link ConnectionLostException}, which says whether it
 * may be in a queue;</li>
 * <li>connection blocked by a resource alarm: new messages are held, not written (a blocked
 * broker stops reading its socket), until it unblocks; one held for {@code queueFullTimeout}
 * fails with {@link PublishBlockedException}, and as it was never written it cannot reach a
 * queue later. A message written before the broker said so (it says so only when it receives
 * one) is the broker's already, and completes with its confirm when the alarm clears;</li>
 * <li>stop: every exchange completes, waiting ones with an error that says the producer stopped.</li>
 * </ul>
 */
public final class ConfirmedPublisher {

    private static final long SWEEP_MILLIS = 100;

    private final PublishWindow window;
    private final long queueFullTimeoutNanos;
    private final boolean persistent;
    private final ScheduledExecutorService scheduler;
    private final Executor completions;
    private final TaskQueueMetrics metrics;
    private final PublishChannel line;
    private final QueueFullRetry backingOff;
    private volatile boolean stopped;
    private volatile long lastConfirmMillis;
    private ScheduledFuture<?> sweep;
    // made once: the window asks for them for every message published
    private final Supplier<RuntimeException> stoppedCheck = this::stoppedError;
    private final PublishWindow.Stall stallCheck = this::stalled;

    public ConfirmedPublisher(ChannelSource channels, TopologyNames names, int window, long queueFullTimeoutMillis,
            boolean persistent, RetrySchedule reconnects, ScheduledExecutorService scheduler, Executor completions,
            TaskQueueMetrics metrics) {
        this.queueFullTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(queueFullTimeoutMillis);
        this.window = new PublishWindow(window, queueFullTimeoutNanos);
        this.persistent = persistent;
        this.scheduler = scheduler;
        this.backingOff = new QueueFullRetry(scheduler, names, queueFullTimeoutNanos);
        this.completions = completions;
        this.metrics = metrics;
        this.line = new PublishChannel(channels, reconnects, scheduler, metrics, new PublishChannel.Events() {
            @Override
            public void confirmed(long sequence, boolean multiple, boolean ack) {
                ConfirmedPublisher.this.confirmed(sequence, multiple, ack);
            }

            @Override
            public void failed(PendingMessage pending, Throwable error) {
                finish(pending, error);
            }
        });
    }

    public void start() throws IOException {
        line.open();
        sweep = scheduler.scheduleWithFixedDelay(this::expireWaiting, SWEEP_MILLIS, SWEEP_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Publishes the messages; {@code onDone} runs once when all are confirmed (with
     * {@code null}) or when the last has ended and any failed (with the first failure). Blocks
     * while the window of unconfirmed messages is full, and several messages publish in turns with
     * other exchanges' (see {@link PublishWindow}); never throws:
     * a message that cannot be sent (stopped, interrupted) ends as a failure through
     * {@code onDone} like any other.
     */
    public void publish(List<OutgoingMessage> messages, Consumer<Throwable> onDone) {
        publish(messages, (error, confirmed) -> onDone.accept(error));
    }

    /** As {@link #publish(List, Consumer)}; {@code onDone} also gets how many of the messages the broker confirmed. */
    public void publish(List<OutgoingMessage> messages, BiConsumer<Throwable, Integer> onDone) {
        PublishBatch batch = new PublishBatch(messages.size(), onDone, completions);
        long since = System.nanoTime();
        boolean inTurns = messages.size() > 1; // a single message needs no turn: it is one publish anyway
        int sent = 0;
        RuntimeException refusal = null;
        while (sent < messages.size() && refusal == null) {
            refusal = inTurns ? window.takeTurn(since, stoppedCheck, stallCheck, messages.get(sent)) : null;
            if (refusal != null) {
                break;
            }
            int end = Math.min(messages.size(), sent + PublishWindow.TURN);
            BatchedWrites held = inTurns ? holdWrites() : null;
            try {
                while (sent < end && (refusal = place(since, messages.get(sent), held)) == null) {
                    OutgoingMessage next = messages.get(sent++);
                    send(new PendingMessage(next, MessageProperties.create(next, persistent), batch));
                }
            } finally {
                writeHeld(held); // catches what it can throw, so the turn always ends
                if (inTurns) {
                    window.endTurn();
                }
            }
        }
        for (int i = sent; i < messages.size(); i++) {
            batch.messageDone(refusal);
        }
    }

    /**
     * A place in the window for {@code message}: {@code null}, or the error it ends with. What this
     * thread holds ({@code held}, or a turn's of its own further up the stack) is written before it
     * waits: the broker confirms, and so frees places, only what it has read.
     */
    private RuntimeException place(long since, OutgoingMessage message, BatchedWrites held) {
        if (stopped) {
            return ProducerStoppedException.notPublished();
        }
        if (window.tryAcquire()) {
            return null;
        }
        writeHeld(held != null ? held : line.writes());
        RuntimeException refusal = window.acquire(since, stoppedCheck, stallCheck, message);
        if (held != null) {
            held.hold();
        }
        return refusal;
    }

    /**
     * Holds this thread's writes on the current connection for a turn, so that the turn's messages
     * reach the socket together, not one system call each (see {@link BatchedWrites}); the writes
     * held, or {@code null}. A single message is written at once.
     */
    private BatchedWrites holdWrites() {
        BatchedWrites current = line.writes();
        if (current != null) {
            current.hold();
        }
        return current;
    }

    /**
     * Writes what this thread holds on {@code held} (nothing when it holds nothing there); a broken
     * socket is a lost channel, as when a publish fails.
     */
    private void writeHeld(BatchedWrites held) {
        if (held == null) {
            return;
        }
        try {
            held.release();
        } catch (IOException e) {
            line.writeFailed(held, e);
        }
    }

    private RuntimeException stoppedError() {
        return stopped ? ProducerStoppedException.notPublished() : null;
    }

    private void send(PendingMessage pending) {
        if (line.send(pending) == PublishChannel.Sent.CLOSED) {
            finish(pending, stoppedError(pending));
        }
    }

    private void confirmed(long sequence, boolean multiple, boolean ack) {
        List<PendingMessage> done = line.confirmedUpTo(sequence, multiple);
        List<Runnable> completed = new ArrayList<>();
        int acked = 0;
        for (PendingMessage pending : done) {
            if (ack) {
                acked++;
                if (pending.returnedReason == null) {
                    metrics.confirmed(pending.message.worker());
                } else {
                    metrics.returned(pending.message.worker());
                }
                Runnable completion = pending.batch.lastMessageDone(pending.returnedReason == null ? null
                        : new UnroutableTaskException(pending.message.exchange(), pending.message.routingKey(),
                                pending.returnedReason));
                if (completion != null) {
                    completed.add(completion);
                }
            } else {
                metrics.nacked(pending.message.worker());
                refused(pending);
            }
        }
        // one release for the whole confirm: a release per message would wake a blocked publisher
        // once per message, to send one message and block again
        window.release(acked);
        if (acked > 0) {
            lastConfirmMillis = System.currentTimeMillis();
        }
        if (!completed.isEmpty()) {
            completions.execute(completed.size() == 1 ? completed.get(0) : () -> PublishBatch.completeAll(completed));
        }
    }

    /** A nack: the worker queue is full. Retried until queueFullTimeout, then failed. */
    private void refused(PendingMessage pending) {
        pending.written = false; // the broker did not take it
        RuntimeException error = stopped ? ProducerStoppedException.notPublished()
                : backingOff.later(pending, this::send);
        if (error != null) {
            finish(pending, error);
        }
    }

    private void finish(PendingMessage pending, Throwable error) {
        window.release(1);
        pending.batch.messageDone(error);
    }

    /** The broker blocked the connection (a resource alarm): hold new messages until it unblocks. */
    public void blocked(String reason) {
        if (!stopped) {
            line.blocked(reason);
        }
    }

    /** The broker unblocked the connection: write what was held. */
    public void unblocked() {
        line.unblocked();
    }

    /** Whether the broker blocks publishing now: its reason, else {@code null}. */
    public String blockedReason() {
        return line.blockedReason();
    }

    /** Why a message that waited {@code waitedMillis} cannot be published now, or {@code null} while it can. */
    private RuntimeException stalled(OutgoingMessage m, long waitedMillis, boolean written) {
        String reason = line.blockedReason();
        if (line.disconnected()) {
            return new ConnectionLostException(m.exchange(), m.routingKey(), waitedMillis, written);
        }
        return reason == null || written ? null
                : new PublishBlockedException(reason, m.exchange(), m.routingKey(), waitedMillis);
    }

    /**
     * Every 100 ms: fails the messages that waited for longer than queueFullTimeout while the
     * broker blocks publishing (those not written) or cannot be reached (all of them, saying which
     * may be queued). So no exchange waits for ever.
     */
    private void expireWaiting() {
        for (PublishChannel.Expired expired : line.expire(queueFullTimeoutNanos, stallCheck)) {
            finish(expired.pending(), expired.error());
        }
    }

    /** What it holds now. */
    public PublisherState state() {
        long last = lastConfirmMillis;
        return new PublisherState(window.used(), window.size(), line.unconfirmed(), line.held(), backingOff.size(),
                line.blockedReason(), line.blockedSince(), last == 0 ? null : Instant.ofEpochMilli(last));
    }

    /** How many messages are published or waiting and not yet confirmed. */
    public int inFlight() {
        return line.size() + backingOff.size();
    }

    /** Waits up to {@code timeout} for the in-flight messages, then closes the channel. */
    public void stop(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stopped = true;
        if (sweep != null) {
            sweep.cancel(false);
        }
        List<PendingMessage> abandoned = line.close();
        abandoned.addAll(backingOff.abandon());
        for (PendingMessage pending : abandoned) {
            finish(pending, stoppedError(pending));
        }
    }

    private static RuntimeException stoppedError(PendingMessage pending) {
        return pending.written ? ProducerStoppedException.beforeConfirm() : ProducerStoppedException.notPublished();
    }
}
