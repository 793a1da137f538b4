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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.dp3taskqueue.TaskQueueConstants;
import io.github.dp3taskqueue.dp3.routing.Dp3Hash;
import io.github.dp3taskqueue.testing.Dp3Fixture;
import io.github.dp3taskqueue.testing.Publisher;
import io.github.dp3taskqueue.testing.TestBroker;

/**
 * The consumer's headers are information only and the producer's override headers steer one send:
 * a plain {@code from(dp3).to(dp3)} bridge re-hashes every task for the target.
 */
@ExtendWith(TestBroker.class)
class HeaderContractIT {

    @RegisterExtension
    final Dp3Fixture dp3 = new Dp3Fixture("hdr", 1);

    @Test
    void aBridgeWithoutHeaderHandlingReHashesEveryTaskForTheTarget() throws Exception {
        String source = dp3.otherApp("hdrsrc", 2);
        String target = dp3.otherApp("hdrdst", 5);
        int given = 120;
        CamelContext camel = dp3.camel();

        camel.start();
        String declareSource = "dp3-taskqueue:" + source + "?declareTopology=true&workers=2&"
                + TestBroker.brokerOptions();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < given; i++) {
            bodies.add(Publisher.task("e", "h" + i, "x"));
        }
        camel.createProducerTemplate().sendBody(declareSource, bodies.subList(0, 100));
        camel.createProducerTemplate().sendBody(declareSource + "&priority=true", bodies.subList(100, given));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dp3-taskqueue:" + source + "?allWorkers=true&workers=2&" + TestBroker.brokerOptions())
                        .to("dp3-taskqueue:" + target + "?declareTopology=true&workers=5&"
                                + TestBroker.brokerOptions());
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> queued(target, 5) >= given);

        int processed = 0;
        int misrouted = 0;
        Map<String, Integer> seen = new HashMap<>();
        for (int w = 0; w < 5; w++) {
            assertThat(TestBroker.depth(target + "-worker-" + w + "-pri")).as("priority is not copied by default")
                    .isZero();
            for (byte[] body : TestBroker.drain(target + "-worker-" + w)) {
                String json = new String(body);
                String eid = json.substring(json.indexOf("\"eid\":\"") + 7, json.indexOf("\",\"data_points"));
                misrouted += Dp3Hash.worker("e:" + eid, 5) == w ? 0 : 1;
                seen.merge(json, 1, Integer::sum);
                processed++;
            }
        }
        long left = queued(source, 2);
        int duplicates = processed - seen.size();
        System.out.printf(
                "ACCOUNT header-bridge given=%d processed=%d queued=%d duplicates=%d misrouted=%d lost=%d%n",
                given, processed, left, duplicates, misrouted, given - seen.size() - left);
        assertThat(misrouted).isZero();
        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(bodies);
        assertThat(left).isZero();

    }

    @Test
    void anOverrideSteersOneSendAndIsRemovedAfterIt() throws Exception {
        String first = dp3.otherApp("hdrone", 4);
        String second = dp3.otherApp("hdrtwo", 4);
        CamelContext camel = dp3.camel();

        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in")
                        .to("dp3-taskqueue:" + first + "?declareTopology=true&workers=4&"
                                + TestBroker.brokerOptions())
                        .to("dp3-taskqueue:" + second + "?declareTopology=true&workers=4&"
                                + TestBroker.brokerOptions());
            }
        });
        camel.start();
        int hashed = Dp3Hash.worker("e:o1", 4);
        String override = Integer.toString((hashed + 1) % 4);
        Exchange sent = camel.createProducerTemplate().send("direct:in", e -> {
            e.getMessage().setBody(Publisher.task("e", "o1", "x"));
            e.getMessage().setHeader(TaskQueueConstants.ROUTING_KEY_OVERRIDE, override);
            e.getMessage().setHeader(TaskQueueConstants.PRIORITY_OVERRIDE, true);
            e.getMessage().setHeader(TaskQueueConstants.ROUTING_KEY, "3"); // what a consumer would have set
        });
        assertThat(sent.getException()).isNull();
        assertThat(TestBroker.drain(first + "-worker-" + override + "-pri")).hasSize(1);
        assertThat(TestBroker.drain(second + "-worker-" + hashed)).hasSize(1);
        assertThat(sent.getMessage().getHeaders()).doesNotContainKeys(TaskQueueConstants.ROUTING_KEY_OVERRIDE,
                TaskQueueConstants.PRIORITY_OVERRIDE, TaskQueueConstants.BROADCAST_OVERRIDE);
        assertThat(sent.getMessage().getHeader(TaskQueueConstants.WORKER_INDEX)).isEqualTo(hashed);

        Exchange renamed = camel.createProducerTemplate().send("direct:in", e -> {
            e.getMessage().setBody(Publisher.task("e", "o2", "x"));
            e.getMessage().setHeader("CamelDp3Priority", true);
        });
        assertThat(renamed.getException())
                .hasMessageContaining("header CamelDp3Priority is no longer read: set CamelDp3PriorityOverride");
        assertThat(queued(first, 4) + queued(second, 4)).isZero();

    }

    private static long queued(String app, int workers) {
        long total = 0;
        for (int w = 0; w < workers; w++) {
            total += TestBroker.depth(app + "-worker-" + w) + TestBroker.depth(app + "-worker-" + w + "-pri");
        }
        return total;
    }
}
