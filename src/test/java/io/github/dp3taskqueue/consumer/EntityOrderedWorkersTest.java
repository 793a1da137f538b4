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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One entity's tasks one at a time and in order, other entities alongside, without a broker. */
class EntityOrderedWorkersTest {

    private final PriorityDispatcher dispatcher = new PriorityDispatcher(() -> 0, false);
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch releaseFirst = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final EntityOrderedWorkers workers = new EntityOrderedWorkers(dispatcher, delivery -> {
        String name = delivery.parsed().received().task().hashKey() + "#" + delivery.tag();
        events.add("start " + name);
        if (delivery.tag() == 1) {
            try {
                releaseFirst.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        events.add("end " + name);
    });

    @AfterEach
    void stop() {
        releaseFirst.countDown();
        threads.shutdownNow();
    }

    @Test
    void aBusyEntitysNextTaskWaitsWhileOtherEntitiesRun() throws Exception {
        workers.start(threads, 2);
        dispatcher.offer(task("a", 1, false)); // held until released
        await().atMost(Duration.ofSeconds(30)).until(() -> events.contains("start e:a#1"));
        dispatcher.offer(task("a", 2, false));
        dispatcher.offer(task("b", 3, false));
        await().atMost(Duration.ofSeconds(30)).until(() -> events.contains("end e:b#3"));
        assertThat(events).as("e:a#2 waits for e:a#1, on no other thread").doesNotContain("start e:a#2");
        releaseFirst.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> events.contains("end e:a#2"));
        assertThat(events.indexOf("start e:a#2")).isGreaterThan(events.indexOf("end e:a#1"));
    }

    @Test
    void stoppingStartsNoWaitingTaskAndLetsTheRunningOneFinish() throws Exception {
        workers.start(threads, 2);
        dispatcher.offer(task("a", 1, false));
        await().atMost(Duration.ofSeconds(30)).until(() -> events.contains("start e:a#1"));
        dispatcher.offer(task("a", 2, false));
        await().atMost(Duration.ofSeconds(30)).until(() -> dispatcher.buffered() == 0); // taken, waiting behind e:a#1
        Thread stopper = new Thread(() -> {
            try {
                workers.stop(threads, TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopper.start();
        await().atMost(Duration.ofSeconds(30)).until(threads::isShutdown);
        releaseFirst.countDown();
        stopper.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(events).containsExactly("start e:a#1", "end e:a#1");
        assertThat(threads.isTerminated()).isTrue();
    }
}
