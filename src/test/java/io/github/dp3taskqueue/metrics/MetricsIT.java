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
package io.github.dp3taskqueue.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.dp3taskqueue.TaskQueueConstants;
import io.github.dp3taskqueue.dp3.routing.Dp3Hash;
import io.github.dp3taskqueue.testing.Dp3Fixture;
import io.github.dp3taskqueue.testing.TestBroker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** With Micrometer present, producers and consumers count their tasks per worker in the registry's MeterRegistry. */
@ExtendWith(TestBroker.class)
class MetricsIT {

    @RegisterExtension
    final Dp3Fixture dp3 = new Dp3Fixture("metrics", 2);

    private static double sum(MeterRegistry registry, String name, String tag, String value) {
        return registry.find(name).tag(tag, value).counters().stream().mapToDouble(Counter::count).sum();
    }

    @Test
    void publishedConfirmedConsumedAckedAndRejectedAreCountedPerWorker() throws Exception {
        String app = dp3.app();
        MeterRegistry registry = new SimpleMeterRegistry();
        CamelContext camel = dp3.camel();
        camel.getRegistry().bind("meters", registry);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(dp3.uri("workers=2&declareTopology=true"));
                from(dp3.uri("allWorkers=true&onFailure=reject&workers=2&declareTopology=true"))
                        .errorHandler(noErrorHandler())
                        .process(e -> {
                            if ("e:e-fail".equals(e.getMessage().getHeader(TaskQueueConstants.ENTITY_KEY))) {
                                throw new IllegalStateException("refused");
                            }
                        });
            }
        });
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();
        int[] perWorker = new int[2];
        for (int i = 0; i < 20; i++) {
            String eid = i == 7 ? "e-fail" : "e-" + i;
            template.sendBody("direct:in", "{\"etype\":\"e\",\"eid\":\"" + eid + "\",\"delete\":true}");
            perWorker[Dp3Hash.worker("e:" + eid, 2)]++;
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(registry.find("dp3.taskqueue.acked").counters().stream().mapToDouble(Counter::count).sum())
                    .isEqualTo(19);
            assertThat(
                    registry.find("dp3.taskqueue.rejected").counters().stream().mapToDouble(Counter::count).sum())
                    .isEqualTo(1);
        });
        for (int w = 0; w < 2; w++) {
            assertThat(sum(registry, "dp3.taskqueue.published", "worker", "" + w)).isEqualTo(perWorker[w]);
            assertThat(sum(registry, "dp3.taskqueue.confirmed", "worker", "" + w)).isEqualTo(perWorker[w]);
            assertThat(sum(registry, "dp3.taskqueue.consumed", "queue", app + "-worker-" + w))
                    .isEqualTo(perWorker[w]);
        }
        assertThat(registry.find("dp3.taskqueue.published").tag("application", app).tag("kind", "datapoint")
                .counters()).hasSize(2);

        // a routing key no worker queue is bound to: published, returned by the broker, not confirmed
        var unroutable = template.send("direct:in", e -> {
            e.getMessage().setBody("{\"etype\":\"e\",\"eid\":\"lost\",\"delete\":true}");
            e.getMessage().setHeader(TaskQueueConstants.ROUTING_KEY_OVERRIDE, "7");
        });
        assertThat(unroutable.getException()).isNotNull();
        assertThat(sum(registry, "dp3.taskqueue.returned", "worker", "7")).isEqualTo(1);
        assertThat(sum(registry, "dp3.taskqueue.confirmed", "worker", "7")).isZero();
    }
}
