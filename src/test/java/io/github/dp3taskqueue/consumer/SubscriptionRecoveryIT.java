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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.PollingConsumer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import io.github.dp3taskqueue.TaskQueueConstants;
import io.github.dp3taskqueue.testing.CapturedLog;
import io.github.dp3taskqueue.testing.Dp3Fixture;
import io.github.dp3taskqueue.testing.HealthChecks;
import io.github.dp3taskqueue.testing.Publisher;
import io.github.dp3taskqueue.testing.TestBroker;

/**
 * The consumer never stops reading silently: broker-side cancels, and stop (consumer_timeout is in the fault suite).
 */
@ExtendWith(TestBroker.class)
class SubscriptionRecoveryIT {

    @RegisterExtension
    final Dp3Fixture dp3 = new Dp3Fixture("cancel", 1);

    private static final String RETRY = "retryDelays=200ms,500ms,1s";

    private static String uri(String app, String extra) {
        return "dp3-taskqueue:" + app + "?workers=1&" + RETRY + "&" + TestBroker.brokerOptions()
                + (extra.isEmpty() ? "" : "&" + extra);
    }

    private static void publish(CamelContext camel, String app, String prefix, int count) {
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(Publisher.task("e", prefix + i, "x"));
        }
        // a producer that declares DP3's topology, so a deleted queue is declared (and bound) again
        camel.createProducerTemplate().sendBody(uri(app, "declareTopology=true"), tasks);
    }

    @Test
    void aQueueDeletedAndDeclaredAgainUnderTheConsumerIsReadAgain() throws Exception {
        String app = dp3.app();
        Map<String, Integer> processed = new ConcurrentHashMap<>();
        Semaphore gate = new Semaphore(1000);
        CamelContext camel = dp3.camel();
        try (CapturedLog captured = new CapturedLog()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri(app, "workerIndex=0&declareTopology=true&prefetch=1&statsInterval=200ms"))
                            .routeId("worker0").process(e -> {
                                gate.acquire();
                                gate.release();
                                processed.merge(e.getMessage().getHeader(TaskQueueConstants.ENTITY_KEY, String.class),
                                        1,
                                        Integer::sum);
                            });
                }
            });
            camel.start();
            HealthChecks.enable(camel);
            publish(camel, app, "before", 20);
            await().atMost(Duration.ofSeconds(30)).until(() -> processed.size() == 20);
            assertThat(HealthChecks.readiness(camel, "consumer:worker0").getState()).isEqualTo(HealthCheck.State.UP);

            TaskQueueConsumer consumer = (TaskQueueConsumer) camel.getRoute("worker0").getConsumer();
            try (Connection admin = TestBroker.connect()) {
                Channel channel = admin.createChannel();
                channel.queueDelete(app + "-worker-0");
                channel.queueDelete(app + "-worker-0-pri");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> captured.text().contains("WARN")
                    && captured.text()
                            .contains("the broker cancelled the subscription to queue '" + app + "-worker-0'"));
            HealthCheck.Result down = HealthChecks.readiness(camel, "consumer:worker0");
            assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(down.getMessage().orElse("")).contains("cancelled the subscription");
            // the queue statistics say so too, once
            await().atMost(Duration.ofSeconds(30)).until(() -> captured.text().contains("does not exist"));
            await().atMost(Duration.ofSeconds(30)).until(() -> captured.text()
                    .contains("cannot read the state of its queues (queue '" + app + "-worker-0"));

            gate.acquire(1000); // hold the route, so that tasks wait in the queues
            publish(camel, app, "after", 10);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> HealthChecks.readiness(camel, "consumer:worker0").getState() == HealthCheck.State.UP);
            assertThat(captured.text()).contains("consumer re-subscribed to queue '" + app + "-worker-0'")
                    .contains("consumer re-subscribed to queue '" + app + "-worker-0-pri'");
            // the queue statistics read the queue again, on a channel of their own
            await().atMost(Duration.ofSeconds(30)).until(() -> consumer.queueDepths().getOrDefault(app + "-worker-0",
                    0L) >= 8);
            assertThat(captured.text()).contains("reads the state of its queues again");
            gate.release(1000);
            await().atMost(Duration.ofSeconds(30)).until(() -> processed.size() == 30);
            int duplicates = processed.values().stream().mapToInt(n -> n - 1).sum();
            System.out.printf(
                    "ACCOUNT queue-deleted-and-redeclared given=30 processed=%d queued=%d duplicates=%d lost=%d%n",
                    processed.size(), TestBroker.depth(app + "-worker-0"), duplicates, 30 - processed.size());
            assertThat(TestBroker.depth(app + "-worker-0")).isZero();
        } finally {
            if (gate.availablePermits() == 0) {
                gate.release(1000);
            }
        }
    }

    @Test
    void thePollingConsumerReturnsItsUnackedDeliveriesOnStopAlsoWithAUsersConnectionFactory() throws Exception {
        String app = dp3.app();
        CachingConnectionFactory shared = new CachingConnectionFactory(TestBroker.host(), TestBroker.port());
        CamelContext camel = dp3.camel();
        try {
            camel.getRegistry().bind("shared", shared);
            camel.start();
            publish(camel, app, "p", 3);
            String endpoint = "dp3-taskqueue:" + app + "?workers=1&workerIndex=0&connectionFactory=#shared";
            PollingConsumer polling = camel.getEndpoint(endpoint).createPollingConsumer();
            polling.start();
            Exchange taken = polling.receive(10_000); // its exchange never completes: the delivery stays unacked
            assertThat(taken).isNotNull();
            assertThat(TestBroker.depth(app + "-worker-0")).isEqualTo(2);
            polling.stop();
            await().atMost(Duration.ofSeconds(30)).until(() -> TestBroker.depth(app + "-worker-0") == 3);
            ConsumerTemplate again = camel.createConsumerTemplate();
            assertThat(again.receive(endpoint, TimeUnit.SECONDS.toMillis(10))).isNotNull();
        } finally {
            shared.destroy();
        }
    }
}
