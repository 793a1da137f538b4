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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.dp3taskqueue.TaskQueueConstants;
import io.github.dp3taskqueue.dp3.task.DataPointTask;
import io.github.dp3taskqueue.testing.Dp3Fixture;
import io.github.dp3taskqueue.testing.Publisher;
import io.github.dp3taskqueue.testing.TestBroker;

/**
 * Held acks (ackBatchSize) against the broker: tasks completed out of order, failed and requeued
 * all end settled with no channel error (an ack naming an unknown tag would close the channel and
 * bring deliveries again), and a multiple ack never covers a task still running.
 */
@ExtendWith(TestBroker.class)
class AckBatchingIT {

    @RegisterExtension
    final Dp3Fixture dp3 = new Dp3Fixture("ackbatch", 1);

    private static final int TASKS = 2000;

    @Test
    void tasksCompletedOutOfOrderFailedAndRequeuedAreAllSettledOnce() throws Exception {
        String app = dp3.app();
        TestBroker.declareWorker0Queues(app, 20000);
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        Map<String, Integer> completed = new ConcurrentHashMap<>();
        int failing = 0;
        CamelContext camel = dp3.camel();
        try (Publisher publisher = new Publisher()) {
            for (int i = 0; i < TASKS; i++) {
                String attr = "seq" + i;
                if (i % 97 == 0) {
                    failing++;
                    attr = "fail" + i;
                }
                publisher.toQueue(app + "-worker-0" + (i % 3 == 0 ? "-pri" : ""),
                        Publisher.task("e", "entity" + (i % 40), attr));
            }
            publisher.confirm();
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("dp3-taskqueue:" + app
                            + "?workerIndex=0&concurrentConsumers=4&ackBatchSize=10&requeueDelay=50&"
                            + TestBroker.brokerOptions()).routeId("worker")
                            .process(e -> {
                                String attr = e.getMessage().getBody(DataPointTask.class).dataPoints().get(0).attr();
                                if (ThreadLocalRandom.current().nextInt(4) == 0) {
                                    // completions out of delivery order
                                    Thread.sleep(ThreadLocalRandom.current().nextInt(3));
                                }
                                if (attr.startsWith("fail") && failedOnce.add(attr)) {
                                    throw new IllegalStateException("first attempt of " + attr + " fails");
                                }
                                completed.merge(attr, 1, Integer::sum);
                            });
                }
            });
            camel.start();
            ConsumerMetrics metrics = ((TaskQueueConsumer) camel.getRoute("worker").getConsumer()).getMetrics();
            int requeued = failing;
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> metrics.getAcked() == TASKS && metrics.getRequeued() == requeued);
            // every delivery but the requeued ones came once: no channel was closed by a bad ack
            assertThat(metrics.getDelivered()).isEqualTo(TASKS + requeued);
            assertThat(completed).hasSize(TASKS).allSatisfy((attr, times) -> assertThat(times).isOne());
            assertThat(unacked(app + "-worker-0")).isZero();
            assertThat(unacked(app + "-worker-0-pri")).isZero();
            assertThat(TestBroker.depth(app + "-worker-0") + TestBroker.depth(app + "-worker-0-pri")).isZero();
        }
    }

    @Test
    void aMultipleAckNeverCoversATaskStillRunningAndHeldAcksDoNotWaitForIt() throws Exception {
        String app = dp3.app();
        TestBroker.declareWorker0Queues(app, 20000);
        CountDownLatch release = new CountDownLatch(1);
        CamelContext camel = dp3.camel();
        try (Publisher publisher = new Publisher()) {
            List<String> bodies = new ArrayList<>();
            bodies.add(Publisher.task("e", "slow", "first")); // the oldest delivery: it runs until released
            for (int i = 0; i < 30; i++) {
                bodies.add(Publisher.task("e", "quick" + i, "a"));
            }
            publisher.toQueue(app + "-worker-0", bodies);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(dp3.uri("workerIndex=0&concurrentConsumers=2&ackBatchSize=50"))
                            .routeId("worker")
                            .process(e -> {
                                if ("e:slow".equals(e.getMessage().getHeader(TaskQueueConstants.ENTITY_KEY))) {
                                    release.await(60, TimeUnit.SECONDS);
                                }
                            });
                }
            });
            camel.start();
            ConsumerMetrics metrics = ((TaskQueueConsumer) camel.getRoute("worker").getConsumer()).getMetrics();
            // the 30 quick ones are acked (fewer than ackBatchSize, behind the running one) while it runs ...
            await().atMost(Duration.ofSeconds(30)).until(() -> metrics.getAcked() == 30);
            // ... each on its own: the broker still holds the running one unacked
            assertThat(unacked(app + "-worker-0")).isOne();
            release.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> metrics.getAcked() == 31);
            await().atMost(Duration.ofSeconds(30)).until(() -> unacked(app + "-worker-0") == 0);
        } finally {
            release.countDown();
        }
    }

    /** Messages delivered and not yet acked, as the broker counts them. */
    private static long unacked(String queue) {
        for (String line : TestBroker
                .rabbitmqctl("list_queues", "-q", "--no-table-headers", "name", "messages_unacknowledged")
                .split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 2 && fields[0].equals(queue)) {
                return Long.parseLong(fields[1]);
            }
        }
        throw new IllegalStateException("queue " + queue + " not listed by rabbitmqctl");
    }
}
