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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmCallback;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Return;
import com.rabbitmq.client.ReturnCallback;
import com.rabbitmq.client.ShutdownListener;
import com.rabbitmq.client.ShutdownSignalException;
import com.rabbitmq.client.impl.AMQConnection;

import io.github.dp3taskqueue.connection.BatchedWrites;
import io.github.dp3taskqueue.connection.RetrySchedule;
import io.github.dp3taskqueue.metrics.TaskQueueMetrics;
import io.github.dp3taskqueue.testing.CountingFrameHandler;
import io.github.dp3taskqueue.topology.TopologyNames;

/**
 * What {@link ConfirmedPublisher} does with confirms, nacks, returns, channel shutdowns, broker
 * blocks and stop, on recording channels: the test fires every broker event and every timer
 * itself, so nothing depends on timing (the real broker's side is in the producer ITs).
 */
class ConfirmedPublisherTest {

    /** One confirm-mode channel as the publisher sees it: publishes recorded, broker events fired by the test. */
    static final class RecordingChannel {
        final List<String> published = new CopyOnWriteArrayList<>();
        ConfirmCallback ack;
        ConfirmCallback nack;
        ReturnCallback returns;
        ShutdownListener shutdown;
        long nextSeq = 1;
        boolean open = true;
        AMQConnection connection; // null: not a connection of the component's
        BatchedWrites writes; // its frame handler
        long loseAt; // the broker closes the channel when this sequence number is published (0: never)
        final Channel proxy = (Channel) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{Channel.class},
                (p, method, args) -> switch (method.getName()) {
                    case "confirmSelect" -> null;
                    case "addConfirmListener" -> {
                        ack = (ConfirmCallback) args[0];
                        nack = (ConfirmCallback) args[1];
                        yield null;
                    }
                    case "addReturnListener" -> {
                        returns = (ReturnCallback) args[0];
                        yield null;
                    }
                    case "addShutdownListener" -> {
                        shutdown = (ShutdownListener) args[0];
                        yield null;
                    }
                    case "getNextPublishSeqNo" -> nextSeq;
                    case "basicPublish" -> {
                        if (writes != null) { // as amqp-client writes a command: its frames, then a flush
                            writes.writeFrame(null);
                            writes.flush();
                        }
                        if (nextSeq == loseAt) {
                            lose();
                            throw new AlreadyClosedException(shutdownSignal());
                        }
                        nextSeq++;
                        AMQP.BasicProperties props = (AMQP.BasicProperties) args[3];
                        published.add(args[1] + " " + props.getMessageId());
                        yield null;
                    }
                    case "isOpen" -> open;
                    case "getConnection" -> connection;
                    case "close" -> {
                        open = false;
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });

        void lose() {
            open = false;
            shutdown.shutdownCompleted(shutdownSignal());
        }

        ShutdownSignalException shutdownSignal() {
            return new ShutdownSignalException(false, false, null, proxy);
        }
    }

    private final List<RecordingChannel> channels = new CopyOnWriteArrayList<>();
    private final List<Runnable> timers = new CopyOnWriteArrayList<>();
    private volatile boolean schedulerDown;
    // holds every timed task until the test fires it
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1) {
        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            return record(command);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                TimeUnit unit) {
            return record(command);
        }

        @Override
        public void execute(Runnable command) {
            record(command);
        }

        private ScheduledFuture<?> record(Runnable command) {
            if (schedulerDown) {
                throw new RejectedExecutionException("stopped");
            }
            timers.add(command);
            return super.schedule((Callable<Object>) () -> null, 1, TimeUnit.DAYS);
        }
    };

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    private void fireTimers() {
        List<Runnable> due = List.copyOf(timers);
        timers.clear();
        due.forEach(Runnable::run);
    }

    private ConfirmedPublisher publisher(long queueFullTimeoutMillis) throws Exception {
        return publisher(queueFullTimeoutMillis, null);
    }

    /** A publisher whose channels are on a connection with {@code writes} (null: on the user's connection). */
    private ConfirmedPublisher publisher(long queueFullTimeoutMillis, BatchedWrites writes) throws Exception {
        AMQConnection connection = writes == null ? null
                : new AMQConnection(new ConnectionFactory().params(Executors.newSingleThreadExecutor()), writes);
        ConfirmedPublisher publisher = new ConfirmedPublisher(() -> {
            RecordingChannel channel = new RecordingChannel();
            channel.connection = connection;
            channel.writes = writes;
            channels.add(channel);
            return channel.proxy;
        }, TopologyNames.of("app"), 10, queueFullTimeoutMillis, true, new RetrySchedule(List.of(Duration.ofMillis(1))),
                scheduler, Runnable::run,
                TaskQueueMetrics.NONE);
        publisher.start();
        return publisher;
    }

    private static OutgoingMessage message(int worker) {
        return new OutgoingMessage(("{\"n\":" + worker + "}").getBytes(), "app-main-task-exchange",
                Integer.toString(worker), worker);
    }

    private static AtomicReference<Object> publish(ConfirmedPublisher publisher, OutgoingMessage... messages) {
        AtomicReference<Object> outcome = new AtomicReference<>();
        publisher.publish(List.of(messages), error -> outcome.set(error == null ? "confirmed" : error));
        return outcome;
    }

    private RecordingChannel channel(int i) {
        return channels.get(i);
    }

    @Test
    void anExchangeCompletesWhenEveryMessageIsConfirmed() throws Exception {
        ConfirmedPublisher publisher = publisher(30_000);
        AtomicReference<Object> outcome = publish(publisher, message(0), message(1));
        assertThat(channel(0).published).hasSize(2);
        channel(0).ack.handle(1, false);
        assertThat(outcome.get()).isNull();
        channel(0).ack.handle(2, false);
        assertThat(outcome.get()).isEqualTo("confirmed");
        assertThat(publisher.inFlight()).isZero();
    }

    @Test
    void aReturnedMessageFailsItsExchangeAsUnroutable() throws Exception {
        ConfirmedPublisher publisher = publisher(30_000);
        AtomicReference<Object> outcome = publish(publisher, message(7));
        String id = channel(0).published.get(0).split(" ")[1];
        channel(0).returns.handle(new Return(312, "NO_ROUTE", "app-main-task-exchange", "7",
                new AMQP.BasicProperties.Builder().messageId(id).build(), new byte[0]));
        channel(0).ack.handle(1, false);
        assertThat(outcome.get()).isInstanceOf(UnroutableTaskException.class);
    }

    @Test
    void aNackedMessageIsRepublishedAfterItsBackOffAndFailsOnceQueueFullTimeoutIsOver() throws Exception {
        ConfirmedPublisher publisher = publisher(30_000);
        AtomicReference<Object> outcome = publish(publisher, message(0));
        channel(0).nack.handle(1, false);
        assertThat(channel(0).published).hasSize(1);
        assertThat(publisher.inFlight()).isEqualTo(1);
        fireTimers();
        assertThat(channel(0).published).hasSize(2).allMatch(p -> p.equals(channel(0).published.get(0)));
        channel(0).ack.handle(2, false);
        assertThat(outcome.get()).isEqualTo("confirmed");

        ConfirmedPublisher impatient = publisher(0);
        AtomicReference<Object> full = publish(impatient, message(1));
        int timersBefore = timers.size(); // its periodic sweep
        channel(1).nack.handle(1, false);
        assertThat(full.get()).isInstanceOf(QueueFullException.class);
        assertThat(timers).as("no retry scheduled").hasSize(timersBefore);
    }

    @Test
    void stoppingCompletesAMessageWaitingInBackOffAsStoppedNotAsQueueFull() throws Exception {
        ConfirmedPublisher publisher = publisher(30_000);
        AtomicReference<Object> outcome = publish(publisher, message(0));
        channel(0).nack.handle(1, false);
        publisher.stop(Duration.ZERO);
        assertThat(outcome.get()).isInstanceOf(ProducerStoppedException.class);
        assertThat(((Throwable) outcome.get()).getMessage()).contains("stopped").contains("not published")
                .doesNotContain("queueFullTimeout");
        fireTimers(); // the back-off ends after the stop: nothing is published again
        assertThat(channel(0).published).hasSize(1);
    }

    @Test
    void stoppingCompletesWrittenUnconfirmedMessagesSayingTheyMayBeQueued() throws Exception {
        ConfirmedPublisher publisher = publisher(30_000);
        AtomicReference<Object> outcome = publish(publisher, message(0));
        publisher.stop(Duration.ZERO);
        assertThat(((Throwable) outcome.get())).isInstanceOf(ProducerStoppedException.class)
                .hasMessageContaining("may be in the queue");
        assertThat(channel(0).open).isFalse();
        assertThat(publish(publisher, message(1)).get()).isInstanceOf(ProducerStoppedException.class);
    }

    @Test
    void aLostChannelRepublishesEveryUnconfirmedMessageOnTheNextOne() throws Exception {
        ConfirmedPublisher publisher = publisher(30_000);
        AtomicReference<Object> outcome = publish(publisher, message(0), message(1));
        channel(0).ack.handle(1, false);
        channel(0).lose();
        fireTimers(); // the reconnect
        assertThat(channels).hasSize(2);
        assertThat(channel(1).published).containsExactly(channel(0).published.get(1));
        channel(1).ack.handle(1, false);
        assertThat(outcome.get()).isEqualTo("confirmed");
    }

    @Test
    void whileTheBrokerBlocksMessagesAreHeldThenWrittenWhenItUnblocks() throws Exception {
        ConfirmedPublisher publisher = publisher(30_000);
        publisher.blocked("low on memory");
        assertThat(publisher.blockedReason()).isEqualTo("low on memory");
        AtomicReference<Object> outcome = publish(publisher, message(0));
        assertThat(channel(0).published).isEmpty();
        fireTimers(); // a sweep: held for less than queueFullTimeout, so kept
        assertThat(outcome.get()).isNull();
        publisher.unblocked();
        assertThat(publisher.blockedReason()).isNull();
        fireTimers(); // the held messages are written on the scheduler, not on amqp-client's thread
        assertThat(channel(0).published).hasSize(1);
        channel(0).ack.handle(1, false);
        assertThat(outcome.get()).isEqualTo("confirmed");
    }

    @Test
    void aMessageHeldLongerThanQueueFullTimeoutFailsAndIsNeverWritten() throws Exception {
        ConfirmedPublisher publisher = publisher(0);
        AtomicReference<Object> written = publish(publisher, message(0)); // before the broker said it blocks
        publisher.blocked("low on memory");
        AtomicReference<Object> held = publish(publisher, message(1));
        fireTimers();
        assertThat(held.get()).isInstanceOf(PublishBlockedException.class);
        assertThat(((PublishBlockedException) held.get()).getReason()).isEqualTo("low on memory");
        assertThat(written.get()).as("a written message waits for its confirm").isNull();
        publisher.unblocked();
        fireTimers();
        assertThat(channel(0).published).hasSize(1);
        channel(0).ack.handle(1, false);
        assertThat(written.get()).isEqualTo("confirmed");
    }

    @Test
    void whileTheBrokerCannotBeReachedNoExchangeWaitsLongerThanQueueFullTimeout() throws Exception {
        ConfirmedPublisher publisher = publisher(0);
        AtomicReference<Object> written = publish(publisher, message(0));
        channel(0).lose();
        fireTimers(); // the sweep, then a reconnect attempt
        assertThat(written.get()).isInstanceOf(ConnectionLostException.class);
        assertThat(((Throwable) written.get()).getMessage()).contains("may be in the queue");
    }

    @Test
    void aPublisherWaitingForTheWindowGivesUpWhenTheProducerStops() throws Exception {
        ConfirmedPublisher publisher = publisher(30_000);
        List<AtomicReference<Object>> outcomes = new ArrayList<>();
        for (int i = 0; i < 10; i++) { // the window is 10
            outcomes.add(publish(publisher, message(0)));
        }
        AtomicReference<Object> waiting = new AtomicReference<>();
        Thread caller = new Thread(() -> publisher.publish(List.of(message(1)), error -> waiting.set(error)));
        caller.start();
        schedulerDown = true;
        publisher.stop(Duration.ZERO);
        caller.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(caller.isAlive()).isFalse();
        assertThat(waiting.get()).isInstanceOf(ProducerStoppedException.class);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.get()).isInstanceOf(ProducerStoppedException.class));
    }

    /** {@code count} messages of worker {@code worker}, published by a thread of their own; its outcome. */
    private static AtomicReference<Object> publishAside(ConfirmedPublisher publisher, int worker, int count,
            List<Thread> threads) {
        List<OutgoingMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(message(worker));
        }
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread thread = new Thread(
                () -> publisher.publish(messages, error -> outcome.set(error == null ? "confirmed" : error)));
        thread.start();
        threads.add(thread);
        return outcome;
    }

    /** Waits until {@code thread} waits (for a place or a turn), and the channel has {@code published} messages. */
    private void awaitWaiting(Thread thread, int published) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> channel(0).published.size() == published
                        && thread.getState() == Thread.State.TIMED_WAITING);
    }

    @Test
    void anExchangeOfSeveralMessagesPublishesItsTurnBeforeAnotherExchangeGetsOne() throws Exception {
        ConfirmedPublisher publisher = publisher(30_000);
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Object> first = publishAside(publisher, 1, 20, threads); // the window is 10
        awaitWaiting(threads.get(0), 10);
        AtomicReference<Object> second = publishAside(publisher, 2, 2, threads);
        awaitWaiting(threads.get(1), 10);
        channel(0).ack.handle(10, true); // ten free places: the first exchange's turn goes on
        await().atMost(Duration.ofSeconds(30)).until(() -> channel(0).published.size() == 20);
        channel(0).ack.handle(20, true);
        await().atMost(Duration.ofSeconds(30)).until(() -> channel(0).published.size() == 22);
        assertThat(channel(0).published.subList(0, 20)).allMatch(p -> p.startsWith("1 "));
        assertThat(channel(0).published.subList(20, 22)).allMatch(p -> p.startsWith("2 "));
        channel(0).ack.handle(22, true);
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(first.get()).isEqualTo("confirmed");
        assertThat(second.get()).isEqualTo("confirmed");
    }

    @Test
    void anExchangeWaitingForItsTurnGivesUpWhenTheProducerStops() throws Exception {
        ConfirmedPublisher publisher = publisher(30_000);
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Object> first = publishAside(publisher, 1, 20, threads);
        awaitWaiting(threads.get(0), 10);
        AtomicReference<Object> second = publishAside(publisher, 2, 2, threads);
        awaitWaiting(threads.get(1), 10);
        schedulerDown = true;
        publisher.stop(Duration.ZERO);
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(thread.isAlive()).isFalse();
        }
        assertThat(first.get()).isInstanceOf(ProducerStoppedException.class);
        assertThat(second.get()).isInstanceOf(ProducerStoppedException.class);
        assertThat(channel(0).published).hasSize(10).allMatch(p -> p.startsWith("1 "));
    }

    @Test
    void aTurnsMessagesAreWrittenTogetherAndWhatIsHeldIsWrittenBeforeWaitingForTheWindow() throws Exception {
        CountingFrameHandler socket = new CountingFrameHandler();
        ConfirmedPublisher publisher = publisher(30_000, new BatchedWrites(socket));
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Object> batch = publishAside(publisher, 1, 25, threads); // the window is 10
        awaitWaiting(threads.get(0), 10);
        // ten messages, one write; without it the broker could never confirm them and free a place
        assertThat(socket.frames).hasValue(10);
        assertThat(socket.flushes).hasValue(1);
        channel(0).ack.handle(10, true);
        awaitWaiting(threads.get(0), 20);
        assertThat(socket.flushes).hasValue(2);
        channel(0).ack.handle(20, true);
        threads.get(0).join(TimeUnit.SECONDS.toMillis(30));
        assertThat(socket.flushes).as("the turn's end writes its last five").hasValue(3);
        channel(0).ack.handle(25, true);
        assertThat(batch.get()).isEqualTo("confirmed");

        AtomicReference<Object> single = publish(publisher, message(2));
        assertThat(socket.flushes).as("a single message is written at once").hasValue(4);
        channel(0).ack.handle(26, false);
        assertThat(single.get()).isEqualTo("confirmed");
    }

    @Test
    void aTurnWhoseChannelIsLostEndsItsHoldSoALaterSingleMessageIsWrittenAtOnce() throws Exception {
        CountingFrameHandler socket = new CountingFrameHandler();
        ConfirmedPublisher publisher = publisher(30_000, new BatchedWrites(socket));
        channel(0).loseAt = 3; // a channel error: the connection, and its writes, stay
        AtomicReference<Object> batch = publish(publisher, message(1), message(1), message(1), message(1));
        assertThat(channel(0).published).hasSize(2);
        assertThat(socket.flushes).as("the turn wrote what it held").hasValue(1);
        fireTimers(); // the reconnect: a new channel on the same connection, the parked messages republished
        assertThat(channel(1).published).hasSize(4);
        int flushes = socket.flushes.get();
        AtomicReference<Object> single = publish(publisher, message(2));
        assertThat(channel(1).published).hasSize(5);
        assertThat(socket.flushes).as("written at once, not held for a turn that is over").hasValue(flushes + 1);
        channel(1).ack.handle(5, true);
        assertThat(batch.get()).isEqualTo("confirmed");
        assertThat(single.get()).isEqualTo("confirmed");
    }
}
