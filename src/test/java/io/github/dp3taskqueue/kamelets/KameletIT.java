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
package io.github.dp3taskqueue.kamelets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.dp3taskqueue.testing.Dp3Fixture;
import io.github.dp3taskqueue.testing.Publisher;
import io.github.dp3taskqueue.testing.TestBroker;

/** The Kamelets of the jar, found by camel-kamelet where it looks (classpath:/kamelets), against the broker. */
@ExtendWith(TestBroker.class)
class KameletIT {

    @RegisterExtension
    final Dp3Fixture dp3 = new Dp3Fixture("kamelet", 2);

    @Test
    void theSinkPublishesAsTheComponentDoesAndTheSourcesHandOnEachWorkersTasksAsSent() throws Exception {
        String broker = "&host=" + TestBroker.host() + "&port=" + TestBroker.port();
        CamelContext camel = dp3.camel();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("kamelet:dp3-taskqueue-sink?application=" + dp3.app()
                        + "&workers=2&declareTopology=true" + broker);
            }
        });
        camel.start();
        List<String> tasks = IntStream.range(0, 20).mapToObj(i -> Publisher.task("ip", "10.0.0." + i, "a")).toList();
        tasks.forEach(task -> camel.createProducerTemplate().sendBody("direct:in", task));

        Set<String> received = ConcurrentHashMap.newKeySet();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int worker = 0; worker < 2; worker++) {
                    from("kamelet:dp3-taskqueue-source?application=" + dp3.app() + "&workers=2&workerIndex=" + worker
                            + broker).process(e -> received.add(e.getMessage().getBody(String.class)));
                }
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == tasks.size());
        // each task as it was sent (already in DP3's form)
        assertThat(received).isEqualTo(tasks.stream().collect(Collectors.toSet()));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestBroker.depth(dp3.app() + "-worker-0") == 0
                && TestBroker.depth(dp3.app() + "-worker-1") == 0);
    }
}
