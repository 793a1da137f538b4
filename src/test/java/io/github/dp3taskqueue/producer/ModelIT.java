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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.dp3taskqueue.TaskQueueConstants;
import io.github.dp3taskqueue.dp3.model.RefusedTaskException;
import io.github.dp3taskqueue.dp3.routing.Dp3Hash;
import io.github.dp3taskqueue.dp3.task.DataPointTask;
import io.github.dp3taskqueue.dp3.task.InvalidTaskException;
import io.github.dp3taskqueue.dp3.task.ReceivedTask;
import io.github.dp3taskqueue.testing.Dp3Fixture;
import io.github.dp3taskqueue.testing.Publisher;
import io.github.dp3taskqueue.testing.TestBroker;
import io.github.dp3taskqueue.testing.TestData;

/**
 * With configDir, the producer publishes only what DP3's worker accepts, in DP3's bytes, and the consumer checks what
 * it reads.
 */
@ExtendWith(TestBroker.class)
class ModelIT {

    @RegisterExtension
    final Dp3Fixture dp3 = new Dp3Fixture("model", 4);

    private static final String CONFIG = TestData.dir("model/config").toString();
    private static final String GOOD = "{\"etype\":\"host\",\"eid\":\"192.0.2.10\","
            + "\"data_points\":[{\"etype\":\"host\","
            + "\"eid\":\"192.0.2.10\",\"attr\":\"port_count\",\"v\":\" 80 \",\"src\":null}]}";
    private static final String GOOD_DP3 = "{\"etype\":\"host\",\"eid\":\"192.0.2.10\","
            + "\"data_points\":[{\"etype\":\"host\","
            + "\"eid\":\"192.0.2.10\",\"attr\":\"port_count\",\"v\":80}]}";

    private static String point(String attr, String rest) {
        return "{\"etype\":\"host\",\"eid\":\"192.0.2.10\",\"data_points\":[{\"etype\":\"host\",\"eid\":\"192.0.2.10\","
                + "\"attr\":\"" + attr + "\"," + rest + "}]}";
    }

    @Test
    void theProducerPublishesDp3sBytesAndRefusesWhatDp3WouldDrop() throws Exception {
        String app = dp3.app();
        int worker = Dp3Hash.worker("host:192.0.2.10", 4);
        CamelContext camel = dp3.camel();
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();
        String uri = "dp3-taskqueue:" + app + "?configDir=" + CONFIG + "&declareTopology=true&"
                + TestBroker.brokerOptions();
        template.sendBody(uri, GOOD);
        List<String> dropped = List.of(point("colour", "\"v\":1"), point("port_count", "\"v\":\"eighty\""),
                point("label", "\"v\":\"x\""),
                point("traffic", "\"v\":{\"packets\":[1],\"bytes\":[2]},\"t1\":\"2024-05-01T12:00:00Z\""));
        for (String body : dropped) {
            assertThatThrownBy(() -> template.sendBody(uri, body)).isInstanceOf(CamelExecutionException.class)
                    .cause().isInstanceOf(RefusedTaskException.class)
                    .hasMessageContaining("refused by DP3's data model");
        }
        String lines = GOOD + "\n" + point("port_count", "\"v\":1.5") + "\n" + GOOD + "\n";
        assertThatThrownBy(() -> template.sendBody(uri, lines)).cause().isInstanceOf(InvalidTaskException.class)
                .hasMessageContaining("nothing published").hasMessageContaining("line 2 is refused")
                .hasMessageContaining("data point 0 (host.port_count): Input should be a valid integer");
        Exchange skipped = template.send(uri + "&skipInvalidTasks=true", e -> e.getMessage().setBody(lines));
        assertThat(skipped.getException()).isNull();
        assertThat(skipped.getMessage().getHeader(TaskQueueConstants.INVALID_TASKS, List.class)).hasSize(1);

        List<byte[]> queued = TestBroker.drain(app + "-worker-" + worker);
        assertThat(queued).hasSize(3)
                .allSatisfy(body -> assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(GOOD_DP3));
        for (int i = 0; i < 4; i++) {
            assertThat(TestBroker.depth(app + "-worker-" + i)).isZero();
        }

    }

    @Test
    void theConsumerHandsARefusedBodyToErrorHandlingAndAnAcceptedOneUnchanged() throws Exception {
        String app = dp3.app();
        TestBroker.declareWorker0Queues(app, 10000);
        List<Object> received = new CopyOnWriteArrayList<>();
        List<Throwable> refused = new CopyOnWriteArrayList<>();
        CamelContext camel = dp3.camel();
        try (Publisher publisher = new Publisher()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    onException(InvalidTaskException.class).handled(true)
                            .process(e -> refused.add(e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)));
                    from("dp3-taskqueue:" + app + "?workerIndex=0&workers=1&configDir=" + CONFIG + "&"
                            + TestBroker.brokerOptions())
                            .process(e -> received.add(e.getMessage().getBody()));
                }
            });
            camel.start();
            publisher.toQueue(app + "-worker-0", List.of(GOOD, point("label", "\"v\":\"x\"")));
            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() + refused.size() == 2);
            assertThat(refused).hasSize(1);
            assertThat(refused.get(0)).isInstanceOf(RefusedTaskException.class)
                    .hasMessageContaining("data point 0 (host.label), t1: Field required");
            ReceivedTask task = (ReceivedTask) received.get(0);
            assertThat(task.json()).isEqualTo(GOOD);
            assertThat(((DataPointTask) task.task()).dataPoints().get(0).value()).isEqualTo(80L);
            await().atMost(Duration.ofSeconds(10)).until(() -> TestBroker.depth(app + "-worker-0") == 0);
        }
    }
}
