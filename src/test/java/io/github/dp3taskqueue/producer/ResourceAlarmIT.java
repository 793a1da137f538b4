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
package io.github.dp3taskqueue.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

import io.github.dp3taskqueue.TaskQueueConstants;
import io.github.dp3taskqueue.publisher.PublishBlockedException;
import io.github.dp3taskqueue.testing.CapturedLog;
import io.github.dp3taskqueue.testing.Dp3Fixture;
import io.github.dp3taskqueue.testing.HealthChecks;
import io.github.dp3taskqueue.testing.Publisher;
import io.github.dp3taskqueue.testing.TestBroker;

/**
 * RabbitMQ's memory alarm ({@code set_vm_memory_high_watermark 0.000001}, restored to 0.4 in
 * every case): the producer says so, holds what it has not written and fails it after
 * queueFullTimeout without ever publishing it, and consumers keep consuming and acking.
 */
@ExtendWith(TestBroker.class)
class ResourceAlarmIT {

    @RegisterExtension
    final Dp3Fixture dp3 = new Dp3Fixture("alarm", 1);

    private static final String HELD = "queueFullTimeout=1500";

    @Test
    void theProducerHoldsAndFailsWhileBlockedAndTheConsumerKeepsConsuming() throws Exception {
        String app = dp3.app();
        String options = "workers=1&declareTopology=true";
        int backlog = 100;
        int held = 5;
        Set<String> processed = ConcurrentHashMap.newKeySet();
        CamelContext camel = dp3.camel();
        try (CapturedLog log = new CapturedLog()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(dp3.uri("workerIndex=0&" + options)).routeId("worker0").autoStartup(false)
                            .process(e -> processed
                                    .add(e.getMessage().getHeader(TaskQueueConstants.ENTITY_KEY, String.class)));
                }
            });
            camel.start();
            HealthChecks.enable(camel);
            ProducerTemplate template = camel.createProducerTemplate();
            String producer = dp3.uri(options) + "&" + HELD;
            List<String> tasks = new ArrayList<>();
            for (int i = 0; i < backlog; i++) {
                tasks.add(Publisher.task("e", "b" + i, "x"));
            }
            template.sendBody(producer, tasks);
            assertThat(TestBroker.depth(app + "-worker-0")).isEqualTo(backlog);

            CompletableFuture<Exchange> first;
            List<CompletableFuture<Exchange>> refused = new ArrayList<>();
            try (AutoCloseable alarm = TestBroker.memoryAlarm()) {
                // the broker says it blocks a connection only when that connection publishes: this
                // task is written before the producer knows, and is the broker's from then on
                first = template.asyncSend(producer, e -> e.getMessage().setBody(Publisher.task("e", "first", "x")));
                await().atMost(Duration.ofSeconds(30)).until(
                        () -> log.text().contains("WARN io.github.dp3taskqueue.connection.BrokerConnection RabbitMQ at")
                                && log.text().contains("blocks publishing on this connection (low on memory)"));
                HealthCheck.Result health = producerReadiness(camel, app);
                assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
                assertThat(health.getMessage().orElse("")).contains("blocks publishing (low on memory)");

                for (int i = 0; i < held; i++) {
                    String body = Publisher.task("e", "held" + i, "x");
                    refused.add(template.asyncSend(producer, e -> e.getMessage().setBody(body)));
                }
                for (CompletableFuture<Exchange> f : refused) {
                    Exchange done = f.get(60, TimeUnit.SECONDS);
                    assertThat(done.getException()).isInstanceOf(PublishBlockedException.class)
                            .hasMessageContaining("RabbitMQ blocked publishing (low on memory)")
                            .hasMessageContaining("was not published");
                }

                // consuming and acking go on during the alarm: the consumer's connection never publishes
                camel.getRouteController().startRoute("worker0");
                await().atMost(Duration.ofSeconds(60)).until(() -> processed.size() == backlog);
                camel.getRouteController().stopRoute("worker0");
                assertThat(TestBroker.depth(app + "-worker-0")).as("every backlog task acked").isZero();
            }
            Exchange confirmed = first.get(60, TimeUnit.SECONDS);
            assertThat(confirmed.getException()).isNull();
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> log.text().contains("INFO io.github.dp3taskqueue.connection.BrokerConnection RabbitMQ at")
                            && log.text().contains("no longer blocks publishing on this connection"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> producerReadiness(camel, app).getState() == HealthCheck.State.UP);

            List<String> queued = new ArrayList<>();
            TestBroker.drain(app + "-worker-0").forEach(b -> queued.add(new String(b)));
            System.out.printf(
                    "ACCOUNT alarm-producer-consumer given=%d processed=%d queued=%d refused=%d "
                            + "refused_but_queued=%d lost=%d%n",
                    backlog + 1 + held, processed.size(), queued.size(), refused.size(),
                    queued.stream().filter(q -> q.contains("\"held")).count(),
                    backlog + 1 + held - processed.size() - queued.size()
                            - refused.size());
            assertThat(queued).containsExactly(Publisher.task("e", "first", "x"));
        }
    }

    /**
     * One connection factory for everything, as Spring Boot gives: the producer publishes on its
     * publisher connection, so a bridge keeps consuming, failing and requeueing held tasks during
     * the alarm, and moves every task once it clears.
     */
    @Test
    void aBridgeOnOneSharedConnectionFactoryDoesNotDeadlock() throws Exception {
        String source = TestBroker.uniqueApp("alarmsrc");
        String target = TestBroker.uniqueApp("alarmdst");
        int given = 6;
        CachingConnectionFactory shared = new CachingConnectionFactory(TestBroker.host(), TestBroker.port());
        AtomicInteger deliveries = new AtomicInteger();
        AtomicInteger blockedFailures = new AtomicInteger();
        try (CamelContext camel = dp3.camel()) {
            camel.getRegistry().bind("shared", shared);
            String common = "workers=2&declareTopology=true&connectionFactory=#shared";
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    onException(PublishBlockedException.class).process(e -> blockedFailures.incrementAndGet());
                    from("dp3-taskqueue:" + source + "?allWorkers=true&concurrentConsumers=4&requeueDelay=0&" + common)
                            .routeId("bridge").autoStartup(false)
                            .process(e -> deliveries.incrementAndGet())
                            .to("dp3-taskqueue:" + target + "?" + HELD + "&" + common);
                }
            });
            camel.start();
            List<String> tasks = new ArrayList<>();
            for (int i = 0; i < given; i++) {
                tasks.add(Publisher.task("e", "s" + i, "x"));
            }
            camel.createProducerTemplate().sendBody("dp3-taskqueue:" + source + "?" + common, tasks);
            camel.createProducerTemplate().sendBody("dp3-taskqueue:" + target + "?broadcast=true&" + common,
                    Publisher.task("e", "declare", "x"));
            for (int w = 0; w < 2; w++) {
                TestBroker.drain(target + "-worker-" + w);
            }
            // the shared publisher connection is blocked by the broker only once something publishes on it
            // during the alarm: a probe (another application on the same factory) has it blocked before the
            // bridge starts, so every task the bridge takes is held, whatever the broker's speed (written in
            // the same instant as the block, a task would wait for its confirm instead, holding a consumer)
            String probe = "dp3-taskqueue:" + source + "probe?workers=1&declareTopology=true&connectionFactory=#shared";
            camel.createProducerTemplate().sendBody(probe, Publisher.task("e", "probe", "x"));
            try (CapturedLog log = new CapturedLog(); AutoCloseable alarm = TestBroker.memoryAlarm()) {
                camel.createProducerTemplate().asyncSendBody(probe, Publisher.task("e", "probe", "x"));
                await("the shared publisher connection is blocked").atMost(Duration.ofSeconds(30))
                        .until(() -> log.text().contains("blocks publishing on this connection"));
                camel.getRouteController().startRoute("bridge");
                // a held task fails after queueFullTimeout and is requeued and delivered again: only a
                // consumer whose connection is not blocked gets its nack to the broker
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> blockedFailures.get() >= given && deliveries.get() > given);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> queued(target) >= given && queued(source) == 0);
            camel.getRouteController().stopRoute("bridge");
            Map<String, Integer> seen = new ConcurrentHashMap<>();
            for (int w = 0; w < 2; w++) {
                TestBroker.drain(target + "-worker-" + w).forEach(b -> seen.merge(new String(b), 1, Integer::sum));
            }
            System.out.printf(
                    "ACCOUNT alarm-bridge given=%d moved=%d duplicates=%d deliveries=%d held_and_failed=%d lost=%d%n",
                    given, seen.size(), seen.values().stream().mapToInt(n -> n - 1).sum(), deliveries.get(),
                    blockedFailures.get(),
                    given - seen.size());
            assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(tasks);
        } finally {
            shared.destroy();
            TestBroker.deleteApp(source + "probe", 1);
            TestBroker.deleteApp(source, 2);
            TestBroker.deleteApp(target, 2);
        }
    }

    private static long queued(String app) {
        long total = 0;
        for (int w = 0; w < 2; w++) {
            total += TestBroker.depth(app + "-worker-" + w) + TestBroker.depth(app + "-worker-" + w + "-pri");
        }
        return total;
    }

    private static HealthCheck.Result producerReadiness(CamelContext camel, String app) {
        return HealthChecks.readiness(camel, "dp3-taskqueue-producer:" + app + ":datapoint");
    }
}
