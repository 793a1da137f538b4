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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

import io.github.dp3taskqueue.connection.BrokerConnection;
import io.github.dp3taskqueue.dp3.routing.Dp3Hash;
import io.github.dp3taskqueue.publisher.QueueFullException;
import io.github.dp3taskqueue.testing.Dp3Fixture;
import io.github.dp3taskqueue.testing.TestBroker;

/** queueType=quorum: DP3's names, bindings and bound, as quorum queues; producers and consumers work unchanged. */
@ExtendWith(TestBroker.class)
class QuorumQueueIT {

    @RegisterExtension
    final Dp3Fixture dp3 = new Dp3Fixture("quorum", 2);

    private static String task(int i) {
        return "{\"etype\":\"e\",\"eid\":\"q" + i + "\",\"delete\":true}";
    }

    @Test
    void quorumWorkerQueuesKeepDp3sArgumentsAndCarryTasks() throws Exception {
        String app = dp3.app();
        String options = "workers=2&queueType=quorum&normalQueueMaxLength=5&queueFullTimeout=300ms";
        CamelContext camel = dp3.camel();
        camel.start();
        var template = camel.createProducerTemplate();
        String producer = dp3.uri("declareTopology=true&" + options);
        // worker 0 of 2: the first tasks whose key hashes to 0
        List<String> toWorker0 = new ArrayList<>();
        for (int i = 0; toWorker0.size() < 20; i++) {
            if (Dp3Hash.worker("e:q" + i, 2) == 0) {
                toWorker0.add(task(i));
            }
        }
        List<Exchange> results = new ArrayList<>();
        for (String body : toWorker0) {
            results.add(template.send(producer, e -> e.getMessage().setBody(body)));
        }
        // quorum queues apply the bound a little late (it can overshoot by a message or two), but
        // refuse beyond it, and every task they confirmed is in the queue
        long accepted = results.stream().filter(r -> r.getException() == null).count();
        assertThat(results.subList(0, 5)).allSatisfy(r -> assertThat(r.getException()).isNull());
        assertThat(accepted).isBetween(5L, 10L);
        assertThat(results.stream().filter(r -> r.getException() != null))
                .allSatisfy(r -> assertThat(r.getException()).isInstanceOf(QueueFullException.class));
        assertThat(TestBroker.depth(app + "-worker-0")).isEqualTo(accepted);
        try (var connection = new BrokerConnection(
                new CachingConnectionFactory(TestBroker.host(), TestBroker.port()), true, "test")) {
            assertThat(QueueOverflowCheck.currentArguments(connection, app + "-worker-0", Map.of())).containsOnly(
                    Map.entry("x-max-length", 5L),
                    Map.entry("x-overflow", "reject-publish"), Map.entry("x-queue-type", "quorum"));
            assertThat(QueueOverflowCheck.currentArguments(connection, app + "-worker-0-pri", Map.of()))
                    .containsOnly(Map.entry("x-queue-type", "quorum"));
        }
        // a consumer that only checks the topology (DP3's start-up check) reads the quorum queues
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(dp3.uri("workerIndex=0&" + options)).to("mock:worker0");
            }
        });
        MockEndpoint worker0 = camel.getEndpoint("mock:worker0", MockEndpoint.class);
        worker0.expectedMessageCount((int) accepted);
        worker0.assertIsSatisfied(10_000);

    }
}
