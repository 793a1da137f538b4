package io.github.dp3taskqueue.publisher;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
import io.github.dp3taskqueue.topology.TopologyNames;

/**
 * Publishes on one confirm-mode channel with a window of unconfirmed messages, as a plain
 * amqp-client publisher with asynchronous confirms does: no thread waits for a confirm.
 * <ul>
 * <li>ack: the message is done (or failed, when it was returned as unroutable first);</li>
 * <li>nack (worker queue full under {@code reject-publish}): republished after a short backoff
 * until {@code queueFullTimeout}, then failed with {@link QueueFullException};</li>
 * <li>channel or connection lost: every unconfirmed message is republished on a new channel
 * once the broker is back (at-least-once: a message the broker had taken before the loss is
 * published twice, with the same message id); a message still waiting after
 * {@code queueFullTimeout} fails with {@link BrokerUnreachableException}, which says whether it
 * may be in a queue;</li>
 * <li>connection blocked by a resource alarm: new messages are held, not written (a blocked
 * broker stops reading its socket), until it unblocks; one held for {@code queueFullTimeout}
 * fails with {@link BrokerBlockedException}, and as it was never written it cannot reach a
 * queue later. A message written before the broker said so (it says so only when it receives
 * one) is the broker's already, and completes with its confirm when the alarm clears;</li>
 * <li>stop: every exchange completes, waiting ones with an error that says the producer stopped.</li>
 * </ul>
 */
public final class ConfirmedPublisher {

    private static final long SWEEP_MILLIS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(ConfirmedPublisher.class);

    private final ChannelSource channels;
    private final TopologyNames names;
    private final PublishWindow window;
    private final long queueFullTimeoutNanos;
    private final boolean persistent;
    private final RetrySchedule reconnects;
    private final ScheduledExecutorService scheduler;
    private final Executor completions;
    private final TaskQueueMetrics metrics;

    private final Object lock = new Object();
    private final UnconfirmedMessages unconfirmed = new UnconfirmedMessages();
    // messages waiting for a channel, or held while the broker blocks publishing (guarded by lock)
    private final Deque<PendingMessage> parked = new ArrayDeque<>();
    private final QueueFullRetry backingOff;
    private final BrokerBlock block = new BrokerBlock();
    private Channel channel; // guarded by lock
    // the channel's connection's batched writes, or null (a connectionFactory of the user's); set with channel
    private volatile BatchedWrites writes;
    private boolean reconnecting; // guarded by lock
    private volatile boolean stopped;
    private volatile boolean disconnected; // no channel since a loss, reconnecting
    private ScheduledFuture<?> sweep;
    // made once: the window asks for them for every message published
    private final Supplier<RuntimeException> stoppedCheck = this::stoppedError;
    private final PublishWindow.Stall stallCheck = this::stalled;

    public ConfirmedPublisher(ChannelSource channels, TopologyNames names, int window, long queueFullTimeoutMillis,
            boolean persistent, RetrySchedule reconnects, ScheduledExecutorService scheduler, Executor completions,
            TaskQueueMetrics metrics) {
        this.channels = channels;
        this.names = names;
        this.queueFullTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(queueFullTimeoutMillis);
        this.window = new PublishWindow(window, queueFullTimeoutNanos);
        this.persistent = persistent;
        this.reconnects = reconnects;
        this.scheduler = scheduler;
        this.backingOff = new QueueFullRetry(scheduler, names, queueFullTimeoutNanos);
        this.completions = completions;
        this.metrics = metrics;
    }

    public void start() throws IOException {
        Channel opened = openConfirmChannel();
        synchronized (lock) {
            use(opened);
        }
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
                    send(new PendingMessage(messages.get(sent++), MessageProperties.create(persistent), batch));
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
        writeHeld(held != null ? held : writes);
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
        BatchedWrites current = writes;
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
            LOG.debug("writing held messages failed, will republish after reconnect: {}", e.getMessage());
            synchronized (lock) {
                if (writes == held) {
                    channelLost(channel, null);
                }
            }
        }
    }

    /** The channel to publish on from now on (guarded by lock). */
    private void use(Channel opened) {
        channel = opened;
        writes = opened == null ? null : BatchedWrites.of(opened);
    }

    private RuntimeException stoppedError() {
        return stopped ? ProducerStoppedException.notPublished() : null;
    }

    private void send(PendingMessage pending) {
        synchronized (lock) {
            if (stopped) {
                finish(pending, stoppedError(pending));
                return;
            }
            if (channel == null || block.reason() != null) {
                parked.add(pending);
                return;
            }
            long sequence = channel.getNextPublishSeqNo();
            unconfirmed.put(sequence, pending);
            try {
                OutgoingMessage m = pending.message;
                pending.written = true;
                channel.basicPublish(m.exchange(), m.routingKey(), true, pending.properties, m.body());
                metrics.published(m.worker());
            } catch (IOException | AlreadyClosedException e) {
                // the shutdown listener moves it (and every other unconfirmed message) to parked
                LOG.debug("publish failed, will republish after reconnect: {}", e.getMessage());
                if (!unconfirmed.take(sequence, false).isEmpty()) {
                    parked.add(pending);
                }
                channelLost(channel, null);
            }
        }
    }

    private Channel openConfirmChannel() throws IOException {
        Channel opened = channels.openChannel();
        opened.confirmSelect();
        opened.addConfirmListener((sequence, multiple) -> confirmed(sequence, multiple, true),
                (sequence, multiple) -> confirmed(sequence, multiple, false));
        opened.addReturnListener(returned -> unconfirmed.returned(returned.getProperties().getMessageId(),
                returned.getReplyCode() + " " + returned.getReplyText()));
        opened.addShutdownListener(signal -> {
            if (!signal.isInitiatedByApplication()) {
                channelLost(opened, signal);
            }
        });
        return opened;
    }

    private void confirmed(long sequence, boolean multiple, boolean ack) {
        List<PendingMessage> done = unconfirmed.take(sequence, multiple);
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
            block.begin(reason);
        }
    }

    /** The broker unblocked the connection: write what was held (on the scheduler, never on amqp-client's thread). */
    public void unblocked() {
        block.end();
        try {
            scheduler.execute(this::sendParked);
        } catch (RejectedExecutionException e) {
            LOG.debug("unblocked while stopping");
        }
    }

    /** Whether the broker blocks publishing now: its reason, else {@code null}. */
    public String blockedReason() {
        return block.reason();
    }

    /** Why a message that waited {@code waitedMillis} cannot be published now, or {@code null} while it can. */
    private RuntimeException stalled(OutgoingMessage m, long waitedMillis, boolean written) {
        String reason = block.reason();
        if (disconnected) {
            return new BrokerUnreachableException(m.exchange(), m.routingKey(), waitedMillis, written);
        }
        return reason == null || written ? null
                : new BrokerBlockedException(reason, m.exchange(), m.routingKey(), waitedMillis);
    }

    /**
     * Every 100 ms: fails the messages that waited for longer than queueFullTimeout while the
     * broker blocks publishing (those not written) or cannot be reached (all of them, saying which
     * may be queued), and says every 30 s of a block what waits. So no exchange waits for ever.
     */
    private void expireWaiting() {
        if (block.reason() == null && !disconnected) {
            return;
        }
        List<PendingMessage> expired = new ArrayList<>();
        List<RuntimeException> errors = new ArrayList<>();
        synchronized (lock) {
            long now = System.nanoTime();
            parked.removeIf(pending -> {
                long waited = now - pending.firstPublishNanos;
                RuntimeException error = waited < queueFullTimeoutNanos ? null
                        : stalled(pending.message, TimeUnit.NANOSECONDS.toMillis(waited), pending.written);
                if (error != null) {
                    expired.add(pending);
                    errors.add(error);
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
        for (int i = 0; i < expired.size(); i++) {
            finish(expired.get(i), errors.get(i));
        }
    }

    /** Called when the channel closed under us: park everything unconfirmed and reconnect. */
    private void channelLost(Channel lost, ShutdownSignalException signal) {
        synchronized (lock) {
            if (channel != lost) {
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
                    finish(pending, refusal.error());
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
        if (stopped || (attempt == 0 && reconnecting)) {
            return;
        }
        reconnecting = true;
        Duration delay = reconnects.beforeRecoveryAttempt(attempt);
        scheduler.schedule(() -> reconnect(attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
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

    /** How many messages are published or waiting and not yet confirmed. */
    public int inFlight() {
        synchronized (lock) {
            return unconfirmed.size() + parked.size() + backingOff.size();
        }
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
        List<PendingMessage> abandoned;
        if (sweep != null) {
            sweep.cancel(false);
        }
        synchronized (lock) {
            block.end();
            abandoned = unconfirmed.takeAll();
            abandoned.addAll(parked);
            abandoned.addAll(backingOff.abandon());
            parked.clear();
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException | TimeoutException | RuntimeException e) {
                    LOG.debug("closing the publishing channel: {}", e.getMessage());
                }
                use(null);
            }
        }
        for (PendingMessage pending : abandoned) {
            finish(pending, stoppedError(pending));
        }
    }

    private static RuntimeException stoppedError(PendingMessage pending) {
        return pending.written ? ProducerStoppedException.beforeConfirm() : ProducerStoppedException.notPublished();
    }
}
