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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.dp3taskqueue.TaskQueueConstants;
import io.github.dp3taskqueue.testing.Dp3Fixture;
import io.github.dp3taskqueue.testing.Publisher;
import io.github.dp3taskqueue.testing.TestBroker;

/** The polling consumer (priority first, ack on completion) and a YAML DSL consumer route. */
@ExtendWith(TestBroker.class)
class PollingAndYamlIT {

    @RegisterExtension
    final Dp3Fixture dp3 = new Dp3Fixture("poll", 1);

    @Test
    void pollEnrichReturnsPriorityFirstAndAcksWhenTheExchangeCompletes() throws Exception {
        String app = dp3.app();
        TestBroker.declareWorker0Queues(app, 10000);
        CamelContext camel = dp3.camel();
        try (Publisher publisher = new Publisher()) {
            publisher.toQueue(app + "-worker-0", List.of(Publisher.task("e", "normal", "x")));
            publisher.toQueue(app + "-worker-0-pri", List.of(Publisher.task("e", "priority", "x")));
            String uri = dp3.uri("workerIndex=0");
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:next").pollEnrich(uri, 2000).convertBodyTo(String.class);
                }
            });
            camel.start();
            var template = camel.createProducerTemplate();
            assertThat(template.requestBody("direct:next", "", String.class)).contains("\"priority\"");
            assertThat(template.requestBody("direct:next", "", String.class)).contains("\"normal\"");
            assertThat(template.requestBody("direct:next", "", String.class)).isNull();

            publisher.toQueue(app + "-worker-0",
                    List.of(Publisher.task("e", "done", "x"), Publisher.task("e", "never-done", "x")));
            ConsumerTemplate consumer = camel.createConsumerTemplate();
            Exchange received = consumer.receive(uri, 2000);
            assertThat(received.getMessage().getHeader(TaskQueueConstants.ENTITY_KEY)).isEqualTo("e:done");
            consumer.doneUoW(received);
            assertThat(consumer.receive(uri, 2000).getMessage().getHeader(TaskQueueConstants.ENTITY_KEY))
                    .isEqualTo("e:never-done");
            camel.stop();
            // unacked deliveries return to the queue when the channel closes: only the one never completed is back
            assertThat(TestBroker.drain(app + "-worker-0")).extracting(String::new)
                    .containsExactly(Publisher.task("e", "never-done", "x"));
            assertThat(TestBroker.depth(app + "-worker-0-pri")).isZero();
        }
    }

    @Test
    void aYamlRouteConsumesAWorkerAndWritesEachTaskToAFile(@TempDir Path out) throws Exception {
        String app = dp3.app();
        TestBroker.declareWorker0Queues(app, 10000);
        String route = """
                - route:
                    from:
                      uri: dp3-taskqueue:{{app}}
                      parameters:
                        workerIndex: 0
                        host: "{{broker.host}}"
                        port: "{{broker.port}}"
                      steps:
                        - convertBodyTo:
                            type: String
                        - setHeader:
                            name: CamelFileName
                            simple: "${header.CamelDp3MessageId}.json"
                        - to:
                            uri: file:{{out}}
                """;
        CamelContext camel = dp3.camel();
        try (Publisher publisher = new Publisher()) {
            String body = "{\"etype\":\"A\",\"eid\":7,\"data_points\":[{\"etype\":\"A\",\"eid\":7,\"attr\":\"data1\","
                    + "\"v\":\"é\"}]}";
            String id = publisher.toQueue(app + "-worker-0", body);
            publisher.confirm();
            Properties properties = new Properties();
            properties.setProperty("app", app);
            properties.setProperty("broker.host", TestBroker.host());
            properties.setProperty("broker.port", Integer.toString(TestBroker.port()));
            properties.setProperty("out", out.toString());
            camel.getPropertiesComponent().setInitialProperties(properties);
            PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("drain.yaml", route));
            camel.start();
            Path file = out.resolve(id + ".json");
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(file) && Files.size(file) > 0);
            assertThat(Files.readString(file)).isEqualTo(body);
        }
    }
}
