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
package io.github.dp3taskqueue.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.rabbitmq.client.Connection;

import io.github.dp3taskqueue.testing.CapturedLog;
import io.github.dp3taskqueue.testing.Dp3Fixture;
import io.github.dp3taskqueue.testing.TestBroker;
import io.github.dp3taskqueue.testing.TestData;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** What the endpoints show of the broker's queues and of their own work, against the broker itself. */
@ExtendWith(TestBroker.class)
class ObserveIT {

    @RegisterExtension
    final Dp3Fixture dp3 = new Dp3Fixture("observe", 2);

    private static final String TASK = "{\"etype\":\"ip\",\"eid\":\"%s\",\"data_points\":[{\"etype\":\"ip\","
            + "\"eid\":\"%s\",\"attr\":\"hostname\",\"v\":%s,\"src\":\"sensor-1\"}]}";

    private static String task(String eid, String value) {
        return String.format(TASK, eid, eid, value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> console(CamelContext camel) {
        DevConsole console = PluginHelper.getDevConsoleResolver(camel).resolveDevConsole("dp3-taskqueue");
        return (Map<String, Object>) console.call(DevConsole.MediaType.JSON, Map.of());
    }

    /** The producer's queues as the console shows them: queue name to ready. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> producerQueues(CamelContext camel) {
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) console(camel).get("endpoints");
        Map<String, Object> ready = new TreeMap<>();
        for (Map<String, Object> endpoint : endpoints) {
            for (Map<String, Object> part : (List<Map<String, Object>>) endpoint.get("running")) {
                if ("producer".equals(part.get("role")) && part.get("queues") instanceof List<?> queues) {
                    for (Object q : queues) {
                        Map<String, Object> queue = (Map<String, Object>) q;
                        ready.put((String) queue.get("queue"), queue.get("ready"));
                    }
                }
            }
        }
        return ready;
    }

    @Test
    void theConsoleAndTheGaugesShowWhatTheBrokerHoldsAndWhatTheModelRefused() throws Exception {
        String app = dp3.app();
        MeterRegistry registry = new SimpleMeterRegistry();
        CamelContext camel = dp3.camel();
        camel.getRegistry().bind("meters", registry);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(dp3.uri("workers=2&declareTopology=true&statsInterval=200ms&configDir="
                        + TestData.dir("config")));
            }
        });
        camel.start();
        for (int i = 0; i < 9; i++) {
            camel.createProducerTemplate().sendBody("direct:in", task("10.0.0." + i, "\"h" + i + ".example.net\""));
        }
        Exchange refused = camel.createProducerTemplate().send("direct:in",
                e -> e.getMessage().setBody(task("10.0.0.99", "5")));
        assertThat(refused.getException()).isNotNull();

        // no consumer: the queues hold what was published, and the probes see it
        long w0 = TestBroker.depth(app + "-worker-0");
        long w1 = TestBroker.depth(app + "-worker-1");
        assertThat(w0 + w1).isEqualTo(9);
        await().atMost(Duration.ofSeconds(30)).until(() -> Map.<String, Object>of(app + "-worker-0", w0,
                app + "-worker-0-pri", 0L, app + "-worker-1", w1, app + "-worker-1-pri", 0L)
                .equals(producerQueues(camel)));
        Gauge ready = registry.find("dp3.taskqueue.queue.ready").tag("application", app)
                .tag("queue", app + "-worker-0").tag("worker", "0").tag("lane", "normal").gauge();
        assertThat(ready).isNotNull();
        assertThat(ready.value()).isEqualTo(w0);
        assertThat(registry.find("dp3.taskqueue.queue.limit").tag("queue", app + "-worker-1").gauge().value())
                .isEqualTo(10_000);
        assertThat(registry.find("dp3.taskqueue.queue.consumers").tag("queue", app + "-worker-1").gauge().value())
                .isZero();
        assertThat(registry.find("dp3.taskqueue.producer.window").tag("application", app).gauge().value()).isZero();

        Counter counted = registry.find("dp3.taskqueue.refused").tag("application", app).tag("side", "producer")
                .tag("etype", "ip").tag("attr", "hostname").tag("reason", "string_type").tag("src", "sensor-1")
                .counter();
        assertThat(counted).isNotNull();
        assertThat(counted.count()).isEqualTo(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> refusals = (Map<String, Object>) ((Map<String, Object>) console(camel).get("refusals"))
                .get(app);
        assertThat(refusals.get("total")).isEqualTo(1L);
        assertThat((List<?>) refusals.get("last")).singleElement().asString().contains("eid=10.0.0.99")
                .contains("side=producer");
    }

    @Test
    void aQueueThatCannotBeReadIsSaidOnceAndOnceWhenItCanAgain() throws Exception {
        String app = dp3.app();
        CamelContext camel = dp3.camel();
        camel.start();
        try (CapturedLog log = new CapturedLog()) {
            camel.createProducerTemplate().sendBody(dp3.uri("workers=2&declareTopology=true&statsInterval=100ms"),
                    task("10.0.0.1", "\"a\""));
            try (Connection admin = TestBroker.connect()) {
                admin.createChannel().queueDelete(app + "-worker-1-pri");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> log.text().contains("cannot read the state"));
            // many probes find it missing (counted, not timed: the same at any speed)
            long seen = QueueProbes.SHARED.probes();
            await().atMost(Duration.ofSeconds(60)).until(() -> QueueProbes.SHARED.probes() >= seen + 40);
            // declared again, as DP3's start would
            camel.createProducerTemplate().sendBody(
                    dp3.uri("workers=2&declareTopology=true&statsInterval=100ms&confirmWindow=999"),
                    task("10.0.0.2", "\"b\""));
            await().atMost(Duration.ofSeconds(30)).until(() -> log.text().contains("reads the state of its queues"));
            assertThat(log.text().lines().filter(l -> l.contains("cannot read the state of its queues"))).hasSize(1)
                    .allSatisfy(l -> assertThat(l).startsWith("WARN")
                            .contains("queue '" + app + "-worker-1-pri': does not exist"));
        }
    }
}
