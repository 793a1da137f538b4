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
package io.github.dp3taskqueue.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import io.github.dp3taskqueue.TaskQueueConstants;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The consumer's two priority measurements, shared by PriorityIT (asserts) and the benchmark (prints). */
public final class PriorityScenarios {

    private PriorityScenarios() {
    }

    /**
     * 2,000 priority and 2,000 normal tasks queued before the consumer starts: the position (from 1)
     * at which the last priority task started.
     */
    public static int lastPriorityPosition(int prefetch) throws Exception {
        String app = TestBroker.uniqueApp("prefilled");
        TestBroker.declareWorker0Queues(app, 10000);
        try (Publisher publisher = new Publisher()) {
            List<String> normal = new ArrayList<>();
            List<String> priority = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                normal.add(Publisher.task("e", "n" + i, "x"));
                priority.add(Publisher.task("e", "p" + i, "x"));
            }
            publisher.toQueue(app + "-worker-0", normal);
            publisher.toQueue(app + "-worker-0-pri", priority);
            List<Boolean> order = new CopyOnWriteArrayList<>();
            try (CamelContext camel = new DefaultCamelContext()) {
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("dp3-taskqueue:" + app + "?workerIndex=0&prefetch=" + prefetch + "&"
                                + TestBroker.brokerOptions())
                                .process(e -> order.add(
                                        e.getMessage().getHeader(TaskQueueConstants.FROM_PRIORITY, Boolean.class)));
                    }
                });
                camel.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> order.size() == 4000);
            }
            return order.lastIndexOf(true) + 1;
        } finally {
            TestBroker.deleteApp(app, 1);
        }
    }

    /**
     * While the consumer drains a backlog of normal tasks (about 2 ms each), priority tasks are
     * published one at a time: the most normal tasks that started between a priority task's publish
     * confirm and its own start. The backlog is topped up before each priority task so that it
     * never runs dry, whatever the broker's and the machine's speed; a measurement whose backlog ran
     * dry all the same (a priority task started after every published normal task) is void and is
     * taken again.
     */
    public static int maxNormalStartedBeforePriority(int concurrentConsumers, int priorityTasks) throws Exception {
        String app = TestBroker.uniqueApp("arrival");
        TestBroker.declareWorker0Queues(app, 10000);
        try (Publisher publisher = new Publisher()) {
            AtomicInteger normalStarted = new AtomicInteger();
            int[] normalPublished = {topUp(publisher, app, 0, 0)};
            Map<String, Integer> startedAt = new ConcurrentHashMap<>();
            try (CamelContext camel = new DefaultCamelContext()) {
                addWorker0(camel, app, concurrentConsumers, normalStarted, startedAt, priority -> Thread.sleep(2));
                camel.start();
                int worst = 0;
                int measured = 0;
                for (int attempt = 0; measured < priorityTasks; attempt++) {
                    if (attempt >= 3 * priorityTasks) {
                        throw new IllegalStateException("the normal backlog ran dry in " + (attempt - measured)
                                + " of " + attempt + " measurements although it is topped up before each one");
                    }
                    await().atMost(Duration.ofSeconds(30)).until(() -> normalStarted.get() > 100);
                    normalPublished[0] = topUp(publisher, app, normalPublished[0], normalStarted.get());
                    String id = publisher.toQueue(app + "-worker-0-pri", Publisher.task("e", "p" + attempt, "x"));
                    publisher.confirm();
                    int atConfirm = normalStarted.get();
                    await().atMost(Duration.ofSeconds(30)).until(() -> startedAt.containsKey(id));
                    int startedBefore = startedAt.get(id);
                    if (startedBefore < normalPublished[0]) {
                        worst = Math.max(worst, startedBefore - atConfirm);
                        measured++;
                    }
                }
                return worst;
            }
        } finally {
            TestBroker.deleteApp(app, 1);
        }
    }

    /**
     * What the consumer itself guarantees, independent of the broker's speed: while every worker
     * thread is held inside a normal task, a priority task is published and waited for until the
     * consumer has received it (its {@code dp3.taskqueue.consumed} counter, counted once the
     * delivery is buffered); then the threads are let go. Returns the most normal tasks that
     * started between that moment and the priority task's start, over {@code priorityTasks}
     * measurements (the broker's push latency, which the consumer cannot shorten, is outside it).
     */
    public static int maxNormalStartedAfterPriorityArrived(int concurrentConsumers, int priorityTasks)
            throws Exception {
        String app = TestBroker.uniqueApp("arrived");
        TestBroker.declareWorker0Queues(app, 10000);
        MeterRegistry meters = new SimpleMeterRegistry();
        Semaphore gate = new Semaphore(1000);
        try (Publisher publisher = new Publisher()) {
            AtomicInteger normalStarted = new AtomicInteger();
            int[] normalPublished = {topUp(publisher, app, 0, 0)};
            Map<String, Integer> startedAt = new ConcurrentHashMap<>();
            try (CamelContext camel = new DefaultCamelContext()) {
                camel.getRegistry().bind("meters", meters);
                addWorker0(camel, app, concurrentConsumers, normalStarted, startedAt, priority -> {
                    if (!priority) {
                        gate.acquire();
                        gate.release();
                    }
                });
                camel.start();
                String priorityQueue = app + "-worker-0-pri";
                int worst = 0;
                for (int i = 0; i < priorityTasks; i++) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> normalStarted.get() > 100);
                    gate.acquire(1000); // from now on every worker thread stops inside its next normal task
                    normalPublished[0] = topUp(publisher, app, normalPublished[0], normalStarted.get());
                    int iteration = i;
                    await().atMost(Duration.ofSeconds(30)).alias("worker threads held (measurement " + iteration + ")")
                            .until(() -> gate.getQueueLength() + "/" + normalStarted.get() + "/" + normalPublished[0],
                                    state -> gate.getQueueLength() >= concurrentConsumers);
                    double received = consumed(meters, priorityQueue);
                    String id = publisher.toQueue(priorityQueue, Publisher.task("e", "q" + i, "x"));
                    publisher.confirm();
                    await().atMost(Duration.ofSeconds(30)).until(() -> consumed(meters, priorityQueue) > received);
                    int atArrival = normalStarted.get();
                    gate.release(1000);
                    await().atMost(Duration.ofSeconds(30)).until(() -> startedAt.containsKey(id));
                    worst = Math.max(worst, startedAt.get(id) - atArrival);
                }
                return worst;
            } finally {
                if (gate.availablePermits() == 0) {
                    gate.release(1000);
                }
            }
        } finally {
            TestBroker.deleteApp(app, 1);
        }
    }

    private interface TaskBody {
        void run(boolean priority) throws Exception;
    }

    /**
     * Worker 0's route: a priority task records how many normal tasks had started when it started
     * (by message id), a normal task counts itself; then each runs {@code body}.
     */
    private static void addWorker0(CamelContext camel, String app, int concurrentConsumers, AtomicInteger normalStarted,
            Map<String, Integer> startedAt, TaskBody body) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dp3-taskqueue:" + app + "?workerIndex=0&concurrentConsumers=" + concurrentConsumers + "&"
                        + TestBroker.brokerOptions())
                        .process(e -> {
                            boolean priority = e.getMessage().getHeader(TaskQueueConstants.FROM_PRIORITY,
                                    Boolean.class);
                            if (priority) {
                                startedAt.put(e.getMessage().getHeader(TaskQueueConstants.MESSAGE_ID, String.class),
                                        normalStarted.get());
                            } else {
                                normalStarted.incrementAndGet();
                            }
                            body.run(priority);
                        });
            }
        });
    }

    private static double consumed(MeterRegistry meters, String queue) {
        return meters.find("dp3.taskqueue.consumed").tag("queue", queue).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    /** Publishes normal tasks until at least 3,000 wait beyond those started; returns the new total. */
    private static int topUp(Publisher publisher, String app, int published, int started) {
        int missing = 3000 - (published - started);
        if (missing <= 0) {
            return published;
        }
        List<String> normal = new ArrayList<>(missing);
        for (int i = 0; i < missing; i++) {
            normal.add(Publisher.task("e", "n" + (published + i), "x"));
        }
        publisher.toQueue(app + "-worker-0", normal);
        return published + missing;
    }
}
