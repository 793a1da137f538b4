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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.rabbitmq.client.GetResponse;

import io.github.dp3taskqueue.testing.Dp3Fixture;
import io.github.dp3taskqueue.testing.TestBroker;

/** Connections closed by the broker while publishing lose nothing. */
@ExtendWith(TestBroker.class)
class ProducerRecoveryIT {

    @RegisterExtension
    final Dp3Fixture dp3 = new Dp3Fixture("recovery", 1);

    @Test
    void closingAllConnectionsWhilePublishing10000TasksLosesNone() throws Exception {
        String app = dp3.app();
        String uri = "dp3-taskqueue:" + app
                + "?declareTopology=true&normalQueueMaxLength=20000&retryDelays=200ms,500ms,1s&"
                + TestBroker.brokerOptions();
        int tasks = 10_000;
        int batch = 50;
        AtomicInteger progress = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try (CamelContext camel = dp3.camel()) {
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            template.sendBody(uri, "{\"etype\":\"e\",\"eid\":\"warm-up\",\"delete\":true}");
            List<Future<Exchange>> results = new ArrayList<>();
            for (int from = 0; from < tasks; from += batch) {
                List<String> bodies = new ArrayList<>();
                for (int i = from; i < from + batch; i++) {
                    bodies.add("{\"etype\":\"e\",\"eid\":\"t" + i + "\",\"delete\":true}");
                }
                results.add(senders.submit(() -> {
                    Exchange result = template.send(uri, e -> e.getMessage().setBody(bodies));
                    progress.addAndGet(bodies.size());
                    return result;
                }));
            }
            int closes = 0;
            for (int threshold : new int[]{2_000, 6_000}) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                        .until(() -> progress.get() >= threshold);
                TestBroker.rabbitmqctl("close_all_connections", "test: connection loss while publishing");
                closes++;
            }
            for (Future<Exchange> result : results) {
                assertThat(result.get(120, TimeUnit.SECONDS).getException()).isNull();
            }
            assertThat(closes).isEqualTo(2);
        } finally {
            senders.shutdownNow();
        }
        List<GetResponse> got = TestBroker.drainResponses(app + "-worker-0");
        Map<String, Integer> byMessageId = new HashMap<>();
        Map<String, Integer> byTask = new HashMap<>();
        for (GetResponse response : got) {
            byMessageId.merge(response.getProps().getMessageId(), 1, Integer::sum);
            byTask.merge(new String(response.getBody(), StandardCharsets.UTF_8), 1, Integer::sum);
        }
        long duplicates = got.size() - byMessageId.size();
        System.out.printf(
                "close_all_connections x2 during %d tasks: received %d messages, %d distinct message ids, %d "
                        + "duplicates, %d lost%n",
                tasks, got.size(), byMessageId.size(), duplicates, tasks + 1 - byTask.size());
        assertThat(byTask).hasSize(tasks + 1);
        assertThat(byMessageId).hasSize(tasks + 1);
    }
}
