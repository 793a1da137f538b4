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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.rabbitmq.client.GetResponse;

import io.github.dp3taskqueue.TaskQueueConstants;
import io.github.dp3taskqueue.dp3.task.ControlMessage;
import io.github.dp3taskqueue.dp3.task.DataPointTask;
import io.github.dp3taskqueue.dp3.task.InvalidTaskException;
import io.github.dp3taskqueue.dp3.task.ReceivedTask;
import io.github.dp3taskqueue.dp3.task.Snapshot;
import io.github.dp3taskqueue.testing.Dp3Fixture;
import io.github.dp3taskqueue.testing.Publisher;
import io.github.dp3taskqueue.testing.TestBroker;
import io.github.dp3taskqueue.testing.TestData;

/** The consumer as a DP3 worker: parsing, headers, ack after completion, failures, bad bodies. */
@ExtendWith(TestBroker.class)
class ConsumerIT {

    @RegisterExtension
    final Dp3Fixture dp3 = new Dp3Fixture("consume", 2);

    private static void declare(CamelContext camel, String app, int workers) throws Exception {
        camel.createProducerTemplate()
                .sendBody("dp3-taskqueue:" + app + "?declareTopology=true&workers=" + workers + "&"
                        + TestBroker.brokerOptions() + "&broadcast=true",
                        "{\"etype\":\"x\",\"eid\":\"declare\",\"delete\":true}");
        for (int i = 0; i < workers; i++) {
            TestBroker.drain(app + "-worker-" + i);
        }
    }

    @Test
    void everyDp3MessageIsReceivedRawAndParsedWithHeaders() throws Exception {
        String app = dp3.app();
        List<Exchange> got = new CopyOnWriteArrayList<>();
        CamelContext camel = dp3.camel();
        try (Publisher publisher = new Publisher()) {
            camel.start();
            declare(camel, app, 1);
            List<String> files = new ArrayList<>();
            for (String[] row : TestData.tsv("messages/INDEX.tsv")) {
                if (row[0].startsWith("DataPointTask")) {
                    files.add(row[0]);
                    publisher.publish(app + "-main-task-exchange", "0", TestData.message(row[0]));
                }
            }
            publisher.confirm();
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(dp3.uri("workerIndex=0")).process(got::add);
                }
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> got.size() == files.size());
            for (int i = 0; i < files.size(); i++) {
                Exchange exchange = got.get(i);
                byte[] raw = TestData.message(files.get(i));
                assertThat(exchange.getMessage().getBody()).isInstanceOf(ReceivedTask.class);
                assertThat(exchange.getMessage().getBody(byte[].class)).isEqualTo(raw);
                assertThat(exchange.getMessage().getBody(String.class)).isEqualTo(new String(raw, "UTF-8"));
                DataPointTask task = exchange.getMessage().getBody(DataPointTask.class);
                assertThat(exchange.getMessage().getHeader(TaskQueueConstants.ENTITY_KEY)).isEqualTo(task.hashKey());
                assertThat(exchange.getMessage().getHeader(TaskQueueConstants.QUEUE)).isEqualTo(app + "-worker-0");
                assertThat(exchange.getMessage().getHeader(TaskQueueConstants.FROM_PRIORITY)).isEqualTo(false);
                assertThat(exchange.getMessage().getHeader(TaskQueueConstants.ROUTING_KEY)).isEqualTo("0");
                assertThat(exchange.getMessage().getHeader(TaskQueueConstants.REDELIVERED)).isEqualTo(false);
                assertThat(exchange.getMessage().getHeader(TaskQueueConstants.DELIVERY_TAG, Long.class)).isPositive();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> TestBroker.depth(app + "-worker-0") == 0);
        }
    }

    @Test
    void theFirstSketchedFormWorksAndUnhandledFailuresAreRequeuedNotAcked() throws Exception {
        String app = "worker-" + TestBroker.uniqueApp("sketch");
        Map<String, Integer> attempts = new ConcurrentHashMap<>();
        try (CamelContext camel = dp3.camel(); Publisher publisher = new Publisher()) {
            camel.start();
            declare(camel, app, 1);
            publisher.toQueue(app + "-worker-0", List.of(Publisher.task("e", "a", "x"), Publisher.task("e", "b", "x")));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("dp3-taskqueue:" + app + "?index=0&" + TestBroker.brokerOptions())
                            .process(e -> {
                                String key = e.getMessage().getHeader(TaskQueueConstants.ENTITY_KEY, String.class);
                                int attempt = attempts.merge(key, 1, Integer::sum);
                                if (key.equals("e:a") && attempt < 3) {
                                    throw new IllegalStateException("transient failure " + attempt);
                                }
                            });
                }
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> attempts.getOrDefault("e:a", 0) == 3);
            await().atMost(Duration.ofSeconds(10)).until(() -> TestBroker.depth(app + "-worker-0") == 0);
            assertThat(attempts).containsEntry("e:b", 1);
        } finally {
            TestBroker.deleteApp(app, 1);
        }
    }

    @Test
    void aThrowingRouteLeavesTheMessageInTheQueueUntilStopped() throws Exception {
        String app = dp3.app();
        try (Publisher publisher = new Publisher()) {
            try (CamelContext camel = dp3.camel()) {
                camel.start();
                declare(camel, app, 1);
                publisher.toQueue(app + "-worker-0", List.of(Publisher.task("e", "a", "x")));
                List<Integer> calls = new CopyOnWriteArrayList<>();
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(dp3.uri("workerIndex=0")).routeId("failing")
                                .process(e -> {
                                    calls.add(1);
                                    throw new IllegalStateException("always");
                                });
                    }
                });
                await().atMost(Duration.ofSeconds(10)).until(() -> calls.size() >= 5);
                camel.getRouteController().stopRoute("failing");
            }
            assertThat(TestBroker.drain(app + "-worker-0")).hasSize(1);
        }
    }

    @Test
    void rejectSendsFailedTasksToTheQueuesDeadLetterExchangeWithTheReason() throws Exception {
        String app = dp3.app();
        String dlq = app + "-dead";
        try (Publisher publisher = new Publisher(); var connection = TestBroker.connect()) {
            var channel = connection.createChannel();
            channel.queueDeclare(dlq, true, false, false, null);
            channel.queueDeclare(app + "-worker-0", true, false, false,
                    Map.of("x-dead-letter-exchange", "", "x-dead-letter-routing-key", dlq));
            channel.queueDeclare(app + "-worker-0-pri", true, false, false, null);
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                bodies.add(Publisher.task("e", "t" + i, "x"));
            }
            publisher.toQueue(app + "-worker-0", bodies);
            try (CamelContext camel = dp3.camel()) {
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(dp3.uri("workerIndex=0&onFailure=reject"))
                                .filter(header(TaskQueueConstants.ENTITY_KEY).in("e:t3", "e:t7"))
                                .throwException(new IllegalStateException("cannot process"));
                    }
                });
                camel.start();
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> TestBroker.depth(dlq) == 2 && TestBroker.depth(app + "-worker-0") == 0);
            }
            List<GetResponse> dead = TestBroker.drainResponses(dlq);
            assertThat(dead).extracting(r -> new String(r.getBody())).containsExactlyInAnyOrder(bodies.get(3),
                    bodies.get(7));
            assertThat(dead.get(0).getProps().getHeaders().get("x-death").toString()).contains("rejected");
            channel.queueDelete(dlq);
        }
    }

    @Test
    void badBodiesReachTheErrorHandlerWithTheRawBodyAndANamedProblem() throws Exception {
        String app = dp3.app();
        List<String> bad = List.of("not json", "[1,2]", "{\"etype\":\"ip\",\"eid\":\"999.1.1.1\",\"delete\":true}",
                "{\"etype\":\"nope\",\"eid\":\"1\",\"delete\":true}", "{\"etype\":\"ip\",\"eid\":\"1.2.3.4\"}");
        // with configDir, as DP3's worker reports them (pydantic's error locations and messages)
        List<String> problems = List.of("the delivered task is not JSON: at column 1: a value was expected",
                "Input should be an object",
                "eid: Value error, '999.1.1.1' does not appear",
                "Invalid etype 'nope'", "DataPointTask must contain at least one datapoint");
        Map<String, String> handled = Collections.synchronizedMap(new HashMap<>());
        List<String> good = new CopyOnWriteArrayList<>();
        CamelContext camel = dp3.camel();
        try (Publisher publisher = new Publisher()) {
            camel.start();
            declare(camel, app, 1);
            List<String> all = new ArrayList<>(bad);
            all.add("{\"etype\":\"ip\",\"eid\":\"10.0.0.1\",\"data_points\":[{\"etype\":\"ip\",\"eid\":\"10.0.0.1\","
                    + "\"attr\":\"hostname\",\"v\":\"a.example.net\"}]}");
            publisher.toQueue(app + "-worker-0", all);
            String configDir = TestData.dir("config").toString();
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    onException(InvalidTaskException.class).handled(true).process(e -> {
                        InvalidTaskException error = e.getProperty(Exchange.EXCEPTION_CAUGHT,
                                InvalidTaskException.class);
                        handled.put(
                                new String(error.getRawBody(), "UTF-8") + "|" + e.getMessage().getBody(String.class),
                                error.getMessage());
                    });
                    from("dp3-taskqueue:" + app + "?workerIndex=0&workers=1&configDir=" + configDir + "&"
                            + TestBroker.brokerOptions())
                            .process(e -> good.add(e.getMessage().getBody(String.class)));
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == bad.size() && good.size() == 1);
            for (int i = 0; i < bad.size(); i++) {
                assertThat(handled.get(bad.get(i) + "|" + bad.get(i))).as(bad.get(i)).contains(problems.get(i));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> TestBroker.depth(app + "-worker-0") == 0);
        }
    }

    @Test
    void parseFalseHandsTheRouteTheRawJson() throws Exception {
        String app = dp3.app();
        List<Object> bodies = new CopyOnWriteArrayList<>();
        CamelContext camel = dp3.camel();
        try (Publisher publisher = new Publisher()) {
            camel.start();
            declare(camel, app, 1);
            publisher.toQueue(app + "-worker-0", List.of("not json at all"));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(dp3.uri("workerIndex=0&parse=false"))
                            .process(e -> bodies.add(e.getMessage().getBody()));
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> bodies.size() == 1);
            assertThat(bodies).containsExactly("not json at all");
        }
    }

    @Test
    void suspendStopsDeliveriesAndResumeContinues() throws Exception {
        String app = dp3.app();
        List<String> got = new CopyOnWriteArrayList<>();
        CamelContext camel = dp3.camel();
        try (Publisher publisher = new Publisher()) {
            camel.start();
            declare(camel, app, 1);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(dp3.uri("workerIndex=0")).routeId("worker")
                            .process(e -> got
                                    .add(e.getMessage().getHeader(TaskQueueConstants.ENTITY_KEY, String.class)));
                }
            });
            publisher.toQueue(app + "-worker-0", List.of(Publisher.task("e", "before", "x")));
            await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 1);
            camel.getRouteController().suspendRoute("worker");
            publisher.toQueue(app + "-worker-0", List.of(Publisher.task("e", "during", "x")));
            await("nothing consumed while suspended").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> got.size() == 1);
            assertThat(got).containsExactly("e:before");
            assertThat(TestBroker.depth(app + "-worker-0")).isEqualTo(1);
            camel.getRouteController().resumeRoute("worker");
            await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 2);
            assertThat(got).containsExactly("e:before", "e:during");
        }
    }

    @Test
    void invalidConsumerOptionsFailTheRouteStartByName() throws Exception {
        for (String[] c : new String[][]{{"workerIndex=-1", "workerIndex must be >= 0"},
                {"workers=2&index=2", "workerIndex must be below workers (2)"},
                {"workerIndex=0&prefetch=0", "prefetch must be >= 1"},
                {"workerIndex=0&ackBatchSize=0", "ackBatchSize must be >= 1"},
                {"workerIndex=0&onFailure=drop", "onFailure=drop"},
                {"workers=1", "needs workerIndex"}}) {
            try (CamelContext camel = new DefaultCamelContext()) {
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("dp3-taskqueue:x?" + c[0] + "&" + TestBroker.brokerOptions()).log("never");
                    }
                });
                Assertions.assertThatThrownBy(camel::start).hasStackTraceContaining(c[1]);
            }
        }
    }

    @Test
    void snapshotAndControlConsumersReadTheirQueuesAndParseDp3Bodies() throws Exception {
        String app = dp3.app();
        List<Exchange> snapshots = new CopyOnWriteArrayList<>();
        List<Exchange> controls = new CopyOnWriteArrayList<>();
        CamelContext camel = dp3.camel();
        try (Publisher publisher = new Publisher()) {
            camel.start();
            declare(camel, app, 2);
            publisher.publish(app + "-main-snapshot-exchange", "1", TestData.message("Snapshot-task.json"));
            publisher.publish(app + "-main-snapshot-exchange", "1", TestData.message("Snapshot-run_start.json"));
            publisher.publish(app + "-control-exchange", "1", TestData.message("ControlMessage-make_snapshots.json"));
            publisher.confirm();
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(dp3.uri("taskType=snapshot&workerIndex=1"))
                            .process(snapshots::add);
                    from(dp3.uri("taskType=control&workerIndex=1"))
                            .process(controls::add);
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> snapshots.size() == 2 && controls.size() == 1);
            assertThat(snapshots.get(0).getMessage().getBody(Snapshot.class).hashKey())
                    .isEqualTo("A:1-A:2");
            assertThat(snapshots.get(0).getMessage().getBody(byte[].class))
                    .isEqualTo(TestData.message("Snapshot-task.json"));
            assertThat(snapshots.get(0).getMessage().getHeader(TaskQueueConstants.QUEUE))
                    .isEqualTo(app + "-worker-1-snapshots");
            assertThat(snapshots.get(1).getMessage().getBody(Snapshot.class).type())
                    .isEqualTo("run_start");
            assertThat(controls.get(0).getMessage().getBody(ControlMessage.class).action())
                    .isEqualTo("make_snapshots");
            assertThat(controls.get(0).getMessage().getHeader(TaskQueueConstants.QUEUE))
                    .isEqualTo(app + "-worker-1-control");
        }
    }
}
