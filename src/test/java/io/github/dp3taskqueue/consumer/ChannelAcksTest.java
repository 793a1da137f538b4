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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.rabbitmq.client.Channel;

import io.github.dp3taskqueue.metrics.TaskQueueMetrics;

/**
 * Which acks and nacks {@link ChannelAcks} sends, and when: the channel only records the calls
 * (what the broker does with them is checked against a real broker in AckBatchingIT).
 */
class ChannelAcksTest {

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final AtomicBoolean moreWaiting = new AtomicBoolean(true);
    private final ConsumerMetrics metrics = new ConsumerMetrics(TaskQueueMetrics.NONE);
    private final List<Runnable> timers = new CopyOnWriteArrayList<>();
    // holds the timed flushes until the test fires them, so that no test depends on timing
    private final ScheduledExecutorService scheduler = new ScheduledThreadPoolExecutor(1) {
        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            assertThat(unit.toMillis(delay)).isEqualTo(ChannelAcks.MAX_HOLD_MILLIS);
            timers.add(command);
            return null;
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

    private Channel recordingChannel() {
        return (Channel) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Channel.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "isOpen" :
                            return true;
                        case "basicAck" :
                            sent.add("ack " + args[0] + ((Boolean) args[1] ? " multiple" : ""));
                            return null;
                        case "basicNack" :
                            sent.add("nack " + args[0] + ((Boolean) args[2] ? " requeue" : ""));
                            return null;
                        case "basicReject" :
                            sent.add("reject " + args[0]);
                            return null;
                        default :
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private ChannelAcks acks(int batchSize, long... delivered) {
        ChannelAcks acks = new ChannelAcks(recordingChannel(), "q", batchSize, moreWaiting::get, metrics, scheduler);
        for (long tag : delivered) {
            acks.delivered(tag);
        }
        return acks;
    }

    @Test
    void batchOfOneAcksEachTaskAtOnce() {
        ChannelAcks acks = acks(1, 1, 2);
        acks.succeeded(2);
        acks.succeeded(1);
        assertThat(sent).containsExactly("ack 2", "ack 1");
        assertThat(metrics.getAcked()).isEqualTo(2);
    }

    @Test
    void tasksCompletedInOrderAreAckedTogetherWhenTheBatchIsFull() {
        ChannelAcks acks = acks(3, 1, 2, 3, 4);
        acks.succeeded(1);
        acks.succeeded(2);
        assertThat(sent).isEmpty();
        acks.succeeded(3);
        assertThat(sent).containsExactly("ack 3 multiple");
        assertThat(metrics.getAcked()).isEqualTo(3);
    }

    @Test
    void heldAcksGoAsSoonAsNoFurtherDeliveryWaits() {
        ChannelAcks acks = acks(10, 1, 2, 3);
        acks.succeeded(1);
        acks.succeeded(2);
        assertThat(sent).isEmpty();
        moreWaiting.set(false);
        acks.succeeded(3);
        assertThat(sent).containsExactly("ack 3 multiple");
    }

    @Test
    void aHeldAckGoesAfterItsLongestHoldEvenWhileOtherDeliveriesWait() {
        ChannelAcks acks = acks(10, 1, 2, 3);
        acks.succeeded(1);
        acks.succeeded(2);
        assertThat(timers).hasSize(1); // one timer per channel at a time, not one per held ack
        assertThat(sent).isEmpty();
        fireTimers();
        assertThat(sent).containsExactly("ack 2 multiple");
        acks.succeeded(3);
        assertThat(timers).hasSize(1);
    }

    @Test
    void theTimerRunsOnTheConsumersScheduler() {
        ScheduledExecutorService real = Executors.newSingleThreadScheduledExecutor();
        try {
            ChannelAcks acks = new ChannelAcks(recordingChannel(), "q", 10, () -> true, metrics, real);
            acks.delivered(1);
            acks.delivered(2);
            acks.succeeded(1);
            await().atMost(Duration.ofSeconds(5)).until(() -> sent.equals(List.of("ack 1 multiple")));
        } finally {
            real.shutdownNow();
        }
    }

    @Test
    void aMultipleAckNeverCoversATaskStillRunning() {
        ChannelAcks acks = acks(3, 1, 2, 3, 4, 5);
        acks.succeeded(2); // 1 still running: 2..4 cannot go as one multiple ack
        acks.succeeded(3);
        acks.succeeded(4);
        assertThat(sent).containsExactlyInAnyOrder("ack 2", "ack 3", "ack 4");
        sent.clear();
        acks.succeeded(1);
        moreWaiting.set(false);
        acks.succeeded(5);
        // 2..4 were acked one by one: the multiple ack names 5, the last of the run 1..5
        assertThat(sent).containsExactly("ack 5 multiple");
        assertThat(metrics.getAcked()).isEqualTo(5);
    }

    @Test
    void aFailedTaskIsNackedAtOnceAndTheRunGoesOnPastIt() {
        ChannelAcks acks = acks(10, 1, 2, 3);
        acks.succeeded(1);
        acks.failed(2, true);
        assertThat(sent).containsExactly("nack 2 requeue");
        moreWaiting.set(false);
        acks.succeeded(3);
        assertThat(sent).containsExactly("nack 2 requeue", "ack 3 multiple");
        assertThat(metrics.getAcked()).isEqualTo(2);
        assertThat(metrics.getRequeued()).isEqualTo(1);
    }

    @Test
    void aRejectedLastTaskEndsTheRunAtTheLastSuccess() {
        ChannelAcks acks = acks(10, 1, 2);
        acks.succeeded(1);
        acks.failed(2, false);
        acks.flush();
        // 2 was rejected, so the multiple ack must name 1: naming 2 would be an unknown tag
        assertThat(sent).containsExactly("reject 2", "ack 1 multiple");
    }

    @Test
    void flushSendsEverythingHeldAndNothingTwice() {
        ChannelAcks acks = acks(10, 1, 2, 3);
        acks.succeeded(1);
        acks.succeeded(3);
        acks.flush();
        assertThat(sent).containsExactly("ack 1 multiple", "ack 3");
        acks.flush();
        acks.succeeded(2);
        acks.flush();
        // the run 1..3 ends on 3, acked already: 2 goes alone
        assertThat(sent).containsExactly("ack 1 multiple", "ack 3", "ack 2 multiple");
    }
}
