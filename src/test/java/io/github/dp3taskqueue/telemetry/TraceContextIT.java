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
package io.github.dp3taskqueue.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.GetResponse;

import io.github.dp3taskqueue.testing.CapturedLog;
import io.github.dp3taskqueue.testing.FreePort;
import io.github.dp3taskqueue.testing.RouteFiles;
import io.github.dp3taskqueue.testing.TestBroker;
import io.github.dp3taskqueue.testing.TestData;

/**
 * A trace goes on across the queue: an HTTP request to routes/dp3-api.yaml, the task it publishes
 * and the worker route that consumes it share one trace, the consumer's span a child of the
 * producer's, with camel-telemetry's development tracer (its spans logged as JSON).
 */
@ExtendWith(TestBroker.class)
class TraceContextIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPostedDataPointAndTheWorkerRouteThatConsumesItShareOneTrace() throws Exception {
        String app = TestBroker.uniqueApp("trace");
        int port = FreePort.next();
        Properties p = new Properties();
        p.setProperty("dp3.app", app);
        p.setProperty("camel.server.enabled", "true");
        p.setProperty("camel.server.port", Integer.toString(port));
        p.setProperty("camel.component.dp3-taskqueue.configDir", TestData.dir("model/config").toString());
        p.setProperty("camel.component.dp3-taskqueue.declareTopology", "true");
        p.setProperty("camel.telemetryDev.enabled", "true");
        p.setProperty("camel.telemetryDev.traceFormat", "json");
        Set<String> consumed = ConcurrentHashMap.newKeySet();
        try (CapturedLog log = new CapturedLog(); RouteFiles api = RouteFiles.start(p, "dp3-api.yaml")) {
            api.camel().addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("dp3-taskqueue:" + app + "?allWorkers=true&workers=4").routeId("worker")
                            .process(e -> consumed.add(e.getMessage().getHeader("CamelDp3MessageId", String.class)));
                }
            });
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create("http://127.0.0.1:" + port + "/datapoints"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("[{\"type\":\"host\",\"id\":\"192.0.2.10\","
                            + "\"attr\":\"hostname\",\"v\":\"a.example.net\"}]"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> consumed.size() == 1);
            String messageId = consumed.iterator().next();
            // the worker route's span closes after its exchange completed
            JsonNode consumer = await().atMost(Duration.ofSeconds(30))
                    .until(() -> span(log, messageId), span -> span != null);
            JsonNode producer = spans(log).stream()
                    .filter(s -> messageId.equals(s.path("messaging.message.id").asText())
                            && "EVENT_SENT".equals(s.path("op").asText()))
                    .findFirst().orElse(null);
            assertThat(producer).as("the producer's span, with the message id it published").isNotNull();
            assertThat(consumer.path("traceid").asText()).isEqualTo(producer.path("traceid").asText());
            assertThat(consumer.path("parentSpan").asText()).isEqualTo(producer.path("spanid").asText());
            assertThat(producer.path("messaging.destination.name").asText()).isEqualTo(app + "-main-task-exchange");
            assertThat(consumer.path("messaging.destination.name").asText()).startsWith(app + "-worker-");
            assertThat(consumer.path("dp3.worker.index").asText()).isEqualTo(producer.path("dp3.worker.index")
                    .asText()).isNotEmpty();
            JsonNode http = spans(log).stream().filter(s -> s.path("traceid").equals(producer.path("traceid"))
                    && "camel-platform-http".equals(s.path("component").asText())).findFirst().orElse(null);
            assertThat(http).as("the HTTP request's span, in the same trace").isNotNull();
            assertThat(producer.path("parentSpan").asText()).isEqualTo(http.path("spanid").asText());
            assertThat(producer.path("server.address").asText())
                    .isEqualTo("amqp://" + TestBroker.host() + ":" + TestBroker.port() + "/%2F");
        } finally {
            TestBroker.deleteApp(app, 4);
        }
    }

    @Test
    void theTraceContextTravelsAsMessageHeadersAndTheBodyStaysDp3s() throws Exception {
        String app = TestBroker.uniqueApp("traceheaders");
        String task = "{\"etype\":\"ip\",\"eid\":\"10.0.0.1\",\"data_points\":[{\"etype\":\"ip\",\"eid\":\"10.0.0.1\","
                + "\"attr\":\"a\",\"v\":1}]}";
        String uri = "dp3-taskqueue:" + app + "?workers=1&declareTopology=true&" + TestBroker.brokerOptions();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            camel.createProducerTemplate().sendBodyAndHeaders(uri, task,
                    Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "tracestate",
                            "dp3=1", "baggage", "tenant=cesnet"));
            camel.createProducerTemplate().sendBody(uri, task);
            List<GetResponse> messages = TestBroker.drainResponses(app + "-worker-0");
            assertThat(messages).hasSize(2);
            assertThat(messages).extracting(m -> new String(m.getBody(), StandardCharsets.UTF_8)).containsOnly(task);
            assertThat(messages.get(0).getProps().getHeaders()).containsOnlyKeys("traceparent", "tracestate", "baggage")
                    .hasEntrySatisfying("traceparent", v -> assertThat(v.toString())
                            .isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
            assertThat(messages.get(1).getProps().getHeaders()).as("none without a trace, as DP3's").isNull();
        } finally {
            TestBroker.deleteApp(app, 1);
        }
    }

    /** Every span of every trace logged so far (a trace is logged again whenever one of its spans closes). */
    private static List<JsonNode> spans(CapturedLog log) throws Exception {
        List<JsonNode> spans = new ArrayList<>();
        for (String line : log.text().lines().toList()) {
            int start = line.indexOf("{\"traceId\"");
            if (line.contains("LOG_TRACE") && start >= 0) {
                JSON.readTree(line.substring(start)).path("spans").forEach(spans::add);
            }
        }
        return spans;
    }

    /** The consuming route's span of the message: the one received with its message id. */
    private static JsonNode span(CapturedLog log, String messageId) throws Exception {
        return spans(log).stream().filter(s -> messageId.equals(s.path("messaging.message.id").asText())
                && "EVENT_RECEIVED".equals(s.path("op").asText())).findFirst().orElse(null);
    }
}
