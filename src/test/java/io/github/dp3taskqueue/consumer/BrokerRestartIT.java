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

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.dp3taskqueue.TaskQueueConstants;
import io.github.dp3taskqueue.testing.Dp3Fixture;
import io.github.dp3taskqueue.testing.TestBroker;

/** The broker application restarted under a producer and a consumer: both recover by themselves, nothing is lost. */
@ExtendWith(TestBroker.class)
class BrokerRestartIT {

    @RegisterExtension
    final Dp3Fixture dp3 = new Dp3Fixture("restart", 1);

    @Test
    void producerAndConsumerRecoverFromABrokerRestartAndLoseNothing() throws Exception {
        String app = dp3.app();
        String options = "workers=1&retryDelays=200ms,500ms,1s";
        Map<String, Integer> processed = new ConcurrentHashMap<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            bodies.add("{\"etype\":\"e\",\"eid\":\"r" + i + "\",\"delete\":true}");
        }
        CamelContext camel = dp3.camel();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(dp3.uri("workerIndex=0&declareTopology=true&" + options))
                        .process(e -> {
                            processed.merge(e.getMessage().getHeader(TaskQueueConstants.ENTITY_KEY, String.class),
                                    1, Integer::sum);
                            Thread.sleep(1);
                        });
            }
        });
        camel.start();
        var template = camel.createProducerTemplate();
        String producer = dp3.uri(options);
        template.sendBody(producer, bodies.subList(0, 2000));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed.size() >= 200);
        try {
            TestBroker.rabbitmqctl("stop_app");
            Thread.sleep(2000);
        } finally {
            TestBroker.rabbitmqctl("start_app");
            TestBroker.rabbitmqctl("await_startup");
        }
        long back = System.nanoTime();
        // the producer reconnects by itself for the second half
        template.sendBody(producer, bodies.subList(2000, 4000));
        await().atMost(Duration.ofSeconds(60)).until(() -> processed.size() == 4000);
        System.out.printf(
                "broker restart: 4000 tasks processed, %d duplicates, 0 lost, all done %d ms after the broker was "
                        + "back%n",
                processed.values().stream().mapToInt(n -> n - 1).sum(), (System.nanoTime() - back) / 1_000_000);

        assertThat(processed).hasSize(4000);
    }
}
