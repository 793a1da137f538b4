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
package io.github.dp3taskqueue.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import io.github.dp3taskqueue.connection.BrokerConnection;
import io.github.dp3taskqueue.testing.CapturedLog;
import io.github.dp3taskqueue.testing.Dp3Fixture;
import io.github.dp3taskqueue.testing.TestBroker;

/** A bounded worker queue that would drop tasks silently (drop-head) is named at start-up. */
@ExtendWith(TestBroker.class)
class QueueOverflowCheckIT {

    @RegisterExtension
    final Dp3Fixture dp3 = new Dp3Fixture("overflow", 2);

    /** The first guess the start-up check makes: DP3's arguments of a normal worker queue. */
    private static final Map<String, Object> DP3 = new Topology(TopologyNames.of("x"), 1, 10_000)
            .normalQueueArguments();

    @Test
    void aBoundedDropHeadQueueIsWarnedAboutAndADp3QueueIsNot() throws Exception {
        String app = dp3.app();
        // no queue statistics: their limit probe must not meet the queue this test replaces
        String options = "workers=2&statsInterval=0";
        CamelContext camel = dp3.camel();
        camel.start();
        // DP3's topology, then worker 1's normal queue replaced by one bounded with RabbitMQ's default overflow
        camel.getEndpoint(dp3.uri("declareTopology=true&" + options)).createProducer().start();
        try (Connection connection = TestBroker.connect()) {
            Channel channel = connection.createChannel();
            channel.queueDelete(app + "-worker-1");
            channel.queueDeclare(app + "-worker-1", true, false, false,
                    Map.of("x-max-length", 5, "x-message-ttl", 60000));
            channel.queueBind(app + "-worker-1", app + "-main-task-exchange", "1");
        }
        try (var connection = new BrokerConnection(
                new CachingConnectionFactory(TestBroker.host(),
                        TestBroker.port()),
                true,
                "test")) {
            assertThat(QueueOverflowCheck.currentArguments(connection, app + "-worker-1", DP3))
                    .containsOnly(Map.entry("x-max-length", 5L), Map.entry("x-message-ttl", 60000L));
            assertThat(QueueOverflowCheck.currentArguments(connection, app + "-worker-0", DP3))
                    .containsOnly(Map.entry("x-max-length", 10000L), Map.entry("x-overflow", "reject-publish"));
        }

        try (CapturedLog log = new CapturedLog(); CamelContext second = new DefaultCamelContext()) {
            second.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").to(dp3.uri(options));
                    from(dp3.uri("workerIndex=1&" + options)).to("log:x?level=OFF");
                    from(dp3.uri("workerIndex=0&" + options)).to("log:x?level=OFF");
                }
            });
            second.start();
            String warnings = log.text().lines().filter(l -> l.startsWith("WARN")).reduce("",
                    (a, b) -> a + b + "\n");
            assertThat(warnings).contains("queue '" + app + "-worker-1' is bounded").contains("drop-head")
                    .doesNotContain("queue '" + app + "-worker-0' is bounded");
            // once by the producer (it writes to every worker) and once by worker 1's consumer
            assertThat(warnings.split("queue '" + app + "-worker-1' is bounded", -1)).hasSize(3);
        }

    }
}
