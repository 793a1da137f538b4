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

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.rabbitmq.client.GetResponse;

import io.github.dp3taskqueue.TaskQueueConstants;
import io.github.dp3taskqueue.dp3.task.DataPointTask;
import io.github.dp3taskqueue.testing.Dp3Fixture;
import io.github.dp3taskqueue.testing.Publisher;
import io.github.dp3taskqueue.testing.TestBroker;

/** Per-entity order, connection loss and shutdown during a drain: every task counted by message id. */
@ExtendWith(TestBroker.class)
class ConsumerReliabilityIT {

    @RegisterExtension
    final Dp3Fixture dp3 = new Dp3Fixture("order", 1);

    private static List<String> publish(Publisher publisher, String queue, int count,
            IntFunction<String> body) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(publisher.toQueue(queue, body.apply(i)));
        }
        publisher.confirm();
        return ids;
    }

    @Test
    void tasksOfOneEntityRunOneAtATimeInArrivalOrderUnderConcurrency() throws Exception {
        String app = dp3.app();
        TestBroker.declareWorker0Queues(app, 20000);
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        Set<String> running = ConcurrentHashMap.newKeySet();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger maxParallel = new AtomicInteger();
        AtomicInteger parallel = new AtomicInteger();
        CamelContext camel = dp3.camel();
        try (Publisher publisher = new Publisher()) {
            publish(publisher, app + "-worker-0", 1000, i -> Publisher.task("e", "entity" + (i % 20), "seq" + i));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(dp3.uri("workerIndex=0&concurrentConsumers=4"))
                            .process(e -> {
                                DataPointTask task = e.getMessage().getBody(DataPointTask.class);
                                String key = task.hashKey();
                                if (!running.add(key)) {
                                    overlaps.incrementAndGet();
                                }
                                maxParallel.accumulateAndGet(parallel.incrementAndGet(), Math::max);
                                Thread.sleep(1);
                                seen.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>())
                                        .add(Integer.parseInt(task.dataPoints().get(0).attr().substring(3)));
                                parallel.decrementAndGet();
                                running.remove(key);
                            });
                }
            });
            camel.start();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> seen.values().stream().mapToInt(List::size).sum() == 1000);
        }
        assertThat(overlaps.get()).isZero();
        assertThat(maxParallel.get()).isGreaterThan(1).isLessThanOrEqualTo(4);
        assertThat(seen).hasSize(20);
        seen.values().forEach(list -> assertThat(list).isSorted().hasSize(50));
    }

    @Test
    void closingConnectionsDuringADrainOf10000LosesNone() throws Exception {
        String app = dp3.app();
        TestBroker.declareWorker0Queues(app, 20000);
        Map<String, Integer> processed = new ConcurrentHashMap<>();
        CamelContext camel = dp3.camel();
        try (Publisher publisher = new Publisher()) {
            List<String> ids = publish(publisher, app + "-worker-0", 10_000, i -> Publisher.task("e", "t" + i, "x"));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(dp3.uri("workerIndex=0&retryDelays=200ms,500ms"))
                            .process(e -> processed.merge(
                                    e.getMessage().getHeader(TaskQueueConstants.MESSAGE_ID, String.class), 1,
                                    Integer::sum));
                }
            });
            camel.start();
            for (int threshold : new int[]{2_000, 6_000}) {
                await().atMost(Duration.ofSeconds(60)).until(() -> processed.size() >= threshold);
                TestBroker.rabbitmqctl("close_all_connections", "test: connection loss while consuming");
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> processed.keySet().containsAll(ids));
            await().atMost(Duration.ofSeconds(10)).until(() -> TestBroker.depth(app + "-worker-0") == 0);
            long duplicates = processed.values().stream().mapToInt(n -> n - 1).sum();
            System.out.printf(
                    "consumer close_all_connections x2 during 10000: processed %d distinct, %d duplicates, 0 lost%n",
                    processed.size(), duplicates);
            assertThat(processed.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @Test
    void stoppingDuringADrainLosesNothingAndLeavesTheRestQueued() throws Exception {
        String app = dp3.app();
        TestBroker.declareWorker0Queues(app, 20000);
        Map<String, Integer> processed = new ConcurrentHashMap<>();
        List<String> ids;
        try (Publisher publisher = new Publisher()) {
            ids = publish(publisher, app + "-worker-0", 3000, i -> Publisher.task("e", "t" + i, "x"));
            try (CamelContext camel = dp3.camel()) {
                camel.getShutdownStrategy().setTimeout(10);
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(dp3.uri("workerIndex=0&concurrentConsumers=4"))
                                .process(e -> {
                                    Thread.sleep(2);
                                    processed.merge(
                                            e.getMessage().getHeader(TaskQueueConstants.MESSAGE_ID, String.class), 1,
                                            Integer::sum);
                                });
                    }
                });
                camel.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> processed.size() >= 500);
            }
            int processedAtStop = processed.size();
            assertThat(processedAtStop).isLessThan(3000);
            List<GetResponse> rest = TestBroker.drainResponses(app + "-worker-0");
            Map<String, Integer> all = new HashMap<>(processed);
            rest.forEach(r -> all.merge(r.getProps().getMessageId(), 1, Integer::sum));
            System.out.printf("shutdown during a drain of 3000: %d processed and acked, %d still queued, %d lost%n",
                    processedAtStop, rest.size(), 3000 - all.size());
            assertThat(all.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(processedAtStop + rest.size()).isEqualTo(3000);
        }
    }
}
