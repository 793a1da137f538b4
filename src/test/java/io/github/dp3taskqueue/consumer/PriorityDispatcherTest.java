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

import static io.github.dp3taskqueue.consumer.DeliveriesForTests.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Strict priority without a broker: the priority queue's ready count is whatever the test says. */
class PriorityDispatcherTest {

    private final AtomicLong priorityReady = new AtomicLong();
    private final AtomicInteger asked = new AtomicInteger();
    private final PriorityDispatcher dispatcher = new PriorityDispatcher(() -> {
        asked.incrementAndGet();
        return priorityReady.get();
    }, true);

    @Test
    void priorityDeliveriesGoFirstAndNormalOnesOnlyWhenThePriorityQueueIsEmpty() throws Exception {
        dispatcher.offer(task("n1", 1, false));
        dispatcher.offer(task("p1", 2, true));
        dispatcher.offer(task("n2", 3, false));
        assertThat(dispatcher.next().tag()).isEqualTo(2);
        assertThat(asked).hasValue(0);
        assertThat(dispatcher.next().tag()).as("asked once whether more priority tasks are ready").isEqualTo(1);
        assertThat(asked).hasValue(1);
        assertThat(dispatcher.next().tag()).as("no priority arrival since: no second round trip").isEqualTo(3);
        assertThat(asked).hasValue(1);
    }

    @Test
    void aNormalDeliveryWaitsWhileThePriorityQueueReportsReadyTasks() throws Exception {
        priorityReady.set(1);
        dispatcher.offer(task("n1", 2, false));
        CompletableFuture<Long> next = CompletableFuture.supplyAsync(() -> {
            try {
                return dispatcher.next().tag();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        // a priority task is reported ready: the normal one waits (a slower machine can only make this pass more
        // surely)
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !next.isDone());
        dispatcher.offer(task("p1", 3, true)); // the reported one arrives
        assertThat(next.get(30, TimeUnit.SECONDS)).isEqualTo(3);
        priorityReady.set(0);
        assertThat(dispatcher.next().tag()).isEqualTo(2);
    }

    @Test
    void discardedAndClosedDeliveriesAreNeverHandedOut() throws Exception {
        PriorityDispatcher plain = new PriorityDispatcher(() -> 0, false);
        plain.offer(task("a", 1, false));
        plain.discardFrom(DeliveriesForTests.CHANNEL);
        assertThat(plain.buffered()).isZero();
        plain.offer(task("b", 2, false));
        plain.close();
        assertThat(plain.next()).isNull();
    }
}
