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
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import io.github.dp3taskqueue.TaskQueueException;
import io.github.dp3taskqueue.connection.ConnectFailedException;
import io.github.dp3taskqueue.dp3.routing.Dp3Hash;
import io.github.dp3taskqueue.dp3.task.InvalidTaskException;
import io.github.dp3taskqueue.publisher.QueueFullException;
import io.github.dp3taskqueue.publisher.UnroutableTaskException;
import io.github.dp3taskqueue.testing.CapturedLog;
import io.github.dp3taskqueue.testing.Dp3Fixture;
import io.github.dp3taskqueue.testing.TestBroker;
import io.github.dp3taskqueue.topology.StartupCheck;
import io.github.dp3taskqueue.topology.TopologyException;

/** Back-pressure, unroutable and missing topology, bad input and refused connections. */
@ExtendWith(TestBroker.class)
class ProducerFailuresIT {

    @RegisterExtension
    final Dp3Fixture dp3 = new Dp3Fixture("full", 2);

    private static String task(String eid) {
        return "{\"etype\":\"e\",\"eid\":\"" + eid + "\",\"delete\":true}";
    }

    /** An eid that hashes to worker 0 of 1 .. any; all tasks of the test go to one queue. */
    private static String sameWorkerEid(int i) {
        return "full-" + i;
    }

    @Test
    void aFullQueueFailsAfterQueueFullTimeoutAndLosesNothingConfirmed() throws Exception {
        String app = dp3.app();
        String uri = dp3.uri("declareTopology=true&normalQueueMaxLength=5&queueFullTimeout=1500");
        CamelContext camel = dp3.camel();
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();
        List<String> sent = new ArrayList<>();
        List<Exchange> refused = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String body = task(sameWorkerEid(i));
            long start = System.nanoTime();
            Exchange result = template.send(uri, e -> e.getMessage().setBody(body));
            if (result.getException() == null) {
                sent.add(body);
            } else {
                assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1400);
                refused.add(result);
            }
        }
        assertThat(sent).hasSize(5);
        assertThat(refused).hasSize(3);
        assertThat(refused.get(0).getException()).isInstanceOf(QueueFullException.class)
                .hasMessageContaining("'" + app + "-worker-0' is full");
        assertThat(TestBroker.drain(app + "-worker-0")).extracting(String::new).containsExactlyElementsOf(sent);

    }

    /** One onException for the component's failures: a refused body and a full queue alike. */
    @Test
    void oneOnExceptionHandlesEveryFailureOfTheComponent() throws Exception {
        String uri = dp3.uri("declareTopology=true&normalQueueMaxLength=1&queueFullTimeout=300");
        List<Throwable> handled = new ArrayList<>();
        dp3.camel().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(TaskQueueException.class).handled(true)
                        .process(e -> handled.add(e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)));
                from("direct:in").to(uri);
            }
        });
        dp3.camel().start();
        ProducerTemplate template = dp3.camel().createProducerTemplate();
        template.sendBody("direct:in", "{\"etype\":\"e\"}");
        template.sendBody("direct:in", task(sameWorkerEid(1)));
        template.sendBody("direct:in", task(sameWorkerEid(2)));
        assertThat(handled).hasSize(2);
        assertThat(handled.get(0)).isInstanceOf(InvalidTaskException.class).hasMessageContaining("'eid'");
        assertThat(handled.get(1)).isInstanceOf(QueueFullException.class);
    }

    @Test
    void aTaskForAWorkerWithoutQueueFailsAsUnroutable() throws Exception {
        String app = dp3.app();
        CamelContext camel = dp3.camel();
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();
        template.sendBody(dp3.uri("declareTopology=true&workers=2"),
                task("x"));
        TestBroker.drain(app + "-worker-" + Dp3Hash.worker("e:x", 2));
        String eid = "u0";
        for (int i = 0; Dp3Hash.worker("e:" + eid, 4) < 2; i++) {
            eid = "u" + i;
        }
        String body = task(eid);
        Exchange result = template.send(dp3.uri("workers=4"),
                e -> e.getMessage().setBody(body));
        assertThat(result.getException()).isInstanceOf(UnroutableTaskException.class)
                .hasMessageContaining(app + "-main-task-exchange")
                .hasMessageContaining("routing key '" + Dp3Hash.worker("e:" + eid, 4) + "'");
        // the start-up's overflow check of the queues of workers 2 and 3 did not create them
        try (Connection broker = TestBroker.connect()) {
            assertThat(StartupCheck.firstMissing(broker::createChannel, StartupCheck.Kind.QUEUE,
                    List.of(app + "-worker-2", app + "-worker-3"))).isEqualTo(app + "-worker-2");
        }

    }

    @Test
    void aMissingExchangeFailsTheRouteStartNamingIt() throws Exception {
        String app = dp3.app();
        try (CamelContext camel = dp3.camel()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in")
                            .to(dp3.uri("retryDelays=100ms,100ms"));
                }
            });
            assertThatThrownBy(camel::start).hasRootCauseInstanceOf(TopologyException.class)
                    .rootCause().hasMessageContaining("exchange not declared: '" + app + "-main-task-exchange'")
                    .hasMessageContaining("after 3 attempts");
        }
    }

    @Test
    void anExistingQueueWithOtherArgumentsIsNamedWithBothArgumentSets() throws Exception {
        String app = dp3.app();
        try (Connection connection = TestBroker.connect()) {
            Channel channel = connection.createChannel();
            channel.queueDeclare(app + "-worker-0", true, false, false, Map.of("x-max-length", 100));
        }
        CamelContext camel = dp3.camel();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in")
                        .to(dp3.uri("declareTopology=true"));
            }
        });
        assertThatThrownBy(camel::start).hasStackTraceContaining(TopologyException.class.getName()
                + ": queue '" + app
                + "-worker-0' exists with other arguments than DP3's {x-max-length=10000, "
                + "x-overflow=reject-publish}")
                .hasStackTraceContaining("PRECONDITION_FAILED").hasStackTraceContaining("current is '100'");

    }

    @Test
    void badInputFailsTheExchangeAndPublishesNothing() throws Exception {
        String app = dp3.app();
        String base = dp3.uri("declareTopology=true&workers=2&entityIdTypes=ip:ipv4");
        CamelContext camel = dp3.camel();
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();
        Map<Object, String> cases = Map.of(
                "{not json", "not JSON",
                "[1]", "must be a JSON object",
                "{\"etype\":\"ip\",\"eid\":\"300.1.1.1\",\"delete\":true}",
                "invalid eid \"300.1.1.1\" for entity type 'ip'",
                "[]", "batch is empty",
                List.of(task("ok"), "{\"etype\":\"ip\",\"eid\":\"1.2.3.04\",\"delete\":true}"),
                "item 1: invalid eid",
                "{\"etype\":\"e\",\"eid\":\"x\"}", "no data points");
        for (Map.Entry<Object, String> c : cases.entrySet()) {
            Exchange result = template.send(base, e -> e.getMessage().setBody(c.getKey()));
            assertThat(result.getException()).as("%s", c.getKey()).isInstanceOf(InvalidTaskException.class)
                    .hasMessageContaining(c.getValue());
        }
        assertThat(TestBroker.depth(app + "-worker-0") + TestBroker.depth(app + "-worker-1")).isZero();

    }

    @Test
    void hugeInvalidUtf8MistypedAndUnknownTypeBodiesFailWithANamedProblemAndTheRouteGoesOn() throws Exception {
        String app = dp3.app();
        String config = Path.of("src/test/resources/dp3/config").toAbsolutePath().toString();
        String base = "dp3-taskqueue:" + app + "?declareTopology=true&workers=1&configDir=" + config + "&"
                + TestBroker.brokerOptions();
        CamelContext camel = dp3.camel();
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();
        StringBuilder huge = new StringBuilder("{\"etype\":\"ip\",\"eid\":\"1.2.3.4\",\"data_points\":[");
        while (huge.length() < 20 * 1024 * 1024) {
            huge.append("{\"etype\":\"ip\",\"eid\":\"1.2.3.4\",\"attr\":\"a\",\"v\":\"").append("x".repeat(1000))
                    .append("\"},");
        }
        huge.append("{\"etype\":\"ip\",\"eid\":\"1.2.3.4\",\"attr\":\"a\",\"v\":1}]"); // no closing brace
        Map<Object, String> cases = new LinkedHashMap<>();
        // with configDir the problems are named as DP3's worker names them
        cases.put(huge.toString(), "the task is not JSON: the text ends too early");
        cases.put(new byte[]{'{', '"', 'e', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                "is not JSON");
        cases.put("{\"etype\":\"ip\",\"delete\":true}", "eid: Field required");
        cases.put("{\"etype\":\"ip\",\"eid\":\"1.2.3.4\",\"delete\":2}", "delete: Input should be a valid boolean");
        cases.put("{\"etype\":\"planet\",\"eid\":\"mars\",\"delete\":true}", "Invalid etype 'planet'");
        for (Map.Entry<Object, String> c : cases.entrySet()) {
            Exchange result = template.send(base, e -> e.getMessage().setBody(c.getKey()));
            assertThat(result.getException()).as(c.getValue()).isInstanceOf(InvalidTaskException.class)
                    .hasMessageContaining(c.getValue());
            assertThat(result.getException().getMessage().length()).as("the error stays readable").isLessThan(1000);
        }
        Exchange valid = template.send(base,
                e -> e.getMessage().setBody("{\"etype\":\"ip\",\"eid\":\"1.2.3.4\",\"delete\":true}"));
        assertThat(valid.getException()).isNull();
        assertThat(TestBroker.depth(app + "-worker-0")).isEqualTo(1);

    }

    @Test
    void invalidOptionsFailTheEndpointCreation() throws Exception {
        try (CamelContext camel = dp3.camel()) {
            camel.start();
            assertThatThrownBy(() -> camel.getEndpoint("dp3-taskqueue:x?workers=0").start())
                    .hasMessageContaining("workers must be >= 1; got 0");
            assertThatThrownBy(() -> camel.getEndpoint("dp3-taskqueue:x?bogus=1")).hasMessageContaining("bogus");
            assertThatThrownBy(() -> camel.getEndpoint("dp3-taskqueue:x?taskType=other").start())
                    .hasMessageContaining("taskType=other");
            assertThatThrownBy(() -> camel.getEndpoint("dp3-taskqueue:x?entityIdTypes=ip:ipv5").start())
                    .hasMessageContaining("unknown id_data_type 'ipv5'");
            assertThatThrownBy(() -> camel.getEndpoint("dp3-taskqueue:x?workers=2&workerIndex=-1").createConsumer(e -> {
            }).start())
                    .hasMessageContaining("workerIndex must be >= 0; got -1");
            assertThatThrownBy(() -> camel.getEndpoint("dp3-taskqueue:x?workers=2&workerIndex=2").createConsumer(e -> {
            }).start())
                    .hasMessageContaining("workerIndex must be below workers (2); got 2");
            assertThatThrownBy(() -> camel.getEndpoint("dp3-taskqueue:x?workers=two")).hasMessageContaining("workers");
        }
    }

    @Test
    void aWrongPasswordAndAMissingVirtualHostFailAtOnceWithoutCredentials() throws Exception {
        for (String options : List.of("password=wrong-secret", "virtualHost=no-such-vhost")) {
            try (CamelContext camel = new DefaultCamelContext(); CapturedLog log = new CapturedLog()) {
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:in").to(
                                "dp3-taskqueue:app?retryDelays=5s,5s&" + options + "&" + TestBroker.brokerOptions());
                    }
                });
                assertThat(unavailable(catchThrowable(camel::start)))
                        .hasMessageContaining(TestBroker.host() + ":" + TestBroker.port())
                        .hasMessageNotContaining("wrong-secret")
                        .hasMessageContaining(options.startsWith("password") ? "login refused (check the username "
                                + "and password: user 'guest' from DP3's default, password from option password)"
                                : "virtual host 'no-such-vhost'");
                assertThat(log.text()).as("no retry for " + options).doesNotContain("retrying");
            }
        }
    }

    @Test
    void aRefusedConnectionIsRetriedThenNamed() throws Exception {
        try (CamelContext camel = dp3.camel()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").to("dp3-taskqueue:app?host=127.0.0.1&port=1&retryDelays=200ms,200ms");
                }
            });
            long start = System.nanoTime();
            assertThat(unavailable(catchThrowable(camel::start)))
                    .hasMessageContaining("127.0.0.1:1").hasMessageContaining("connection refused");
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(400);
        }
    }

    /**
     * The component's connection error in a start-up failure's causes (it keeps the client's exception as its own
     * cause).
     */
    private static ConnectFailedException unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectFailedException unavailable) {
                return unavailable;
            }
        }
        throw new AssertionError("no ConnectFailedException among the causes of " + failure, failure);
    }
}
