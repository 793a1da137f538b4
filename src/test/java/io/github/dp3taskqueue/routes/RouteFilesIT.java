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
package io.github.dp3taskqueue.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.github.dp3taskqueue.dp3.routing.Dp3Hash;
import io.github.dp3taskqueue.testing.FreePort;
import io.github.dp3taskqueue.testing.Publisher;
import io.github.dp3taskqueue.testing.RouteFiles;
import io.github.dp3taskqueue.testing.TestBroker;

/** routes/feed-http.yaml, routes/drain-worker.yaml and routes/bridge.yaml against the real broker. */
@ExtendWith(TestBroker.class)
class RouteFilesIT {

    private static HttpResponse<String> post(int port, String body) throws Exception {
        return post(port, body, "application/json");
    }

    /** {@code contentType} null: the request has no Content-Type header. */
    private static HttpResponse<String> post(int port, String body, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/tasks"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void feedHttpAnswers202With400ForBadInput415ForAFormAnd503WhenTheQueueStaysFull() throws Exception {
        String app = TestBroker.uniqueApp("feedhttp");
        int port = FreePort.next();
        Properties p = new Properties();
        p.setProperty("dp3.app", app);
        p.setProperty("dp3.workers", "1");
        p.setProperty("camel.server.enabled", "true");
        p.setProperty("camel.server.port", Integer.toString(port));
        p.setProperty("camel.component.dp3-taskqueue.declareTopology", "true");
        p.setProperty("camel.component.dp3-taskqueue.entityIdTypes", "ip:ipv4");
        p.setProperty("camel.component.dp3-taskqueue.normalQueueMaxLength", "3");
        p.setProperty("camel.component.dp3-taskqueue.queueFullTimeout", "300ms");
        try (RouteFiles ignored = RouteFiles.start(p, "feed-http.yaml")) {
            // curl's --data sends a form type: the HTTP component would parse the JSON as form fields
            HttpResponse<String> form = post(port, Publisher.task("ip", "10.0.0.1", "x"),
                    "application/x-www-form-urlencoded");
            assertThat(form.statusCode()).isEqualTo(415);
            assertThat(form.body()).contains("Content-Type: application/json", "application/x-www-form-urlencoded");
            assertThat(TestBroker.depth(app + "-worker-0")).isZero();
            HttpResponse<String> one = post(port, Publisher.task("ip", "10.0.0.1", "x"), null); // no Content-Type: JSON
            assertThat(one.statusCode()).isEqualTo(202);
            assertThat(one.body()).isEqualTo("{\"published\":1}");
            HttpResponse<String> two = post(port,
                    "[" + Publisher.task("ip", "10.0.0.2", "x") + "," + Publisher.task("ip", "10.0.0.3", "x") + "]");
            assertThat(two.statusCode()).isEqualTo(202);
            assertThat(two.body()).isEqualTo("{\"published\":2}");
            HttpResponse<String> bad = post(port, Publisher.task("ip", "10.0.0.300", "x"));
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("invalid eid \"10.0.0.300\" for entity type 'ip'");
            assertThat(post(port, "{nope").statusCode()).isEqualTo(400);
            HttpResponse<String> full = post(port, Publisher.task("ip", "10.0.0.4", "x"));
            assertThat(full.statusCode()).isEqualTo(503);
            assertThat(full.body()).contains(app + "-worker-0' is full");
            assertThat(TestBroker.depth(app + "-worker-0")).isEqualTo(3);
        } finally {
            TestBroker.deleteApp(app, 1);
        }
    }

    @Test
    void drainWorkerWritesEachTaskOfItsWorkerAsReceived(@TempDir Path out) throws Exception {
        String app = TestBroker.uniqueApp("drainfile");
        Properties p = new Properties();
        p.setProperty("dp3.app", app);
        p.setProperty("dp3.workers", "2");
        p.setProperty("worker.index", "1");
        p.setProperty("drain.dir", out.toString());
        p.setProperty("camel.component.dp3-taskqueue.declareTopology", "true");
        try (Publisher publisher = new Publisher()) {
            try (RouteFiles ignored = RouteFiles.start(p, "drain-worker.yaml")) {
                List<String> expected = new ArrayList<>();
                for (int i = 0; expected.size() < 20; i++) {
                    if (Dp3Hash.worker("e:d" + i, 2) == 1) {
                        expected.add(Publisher.task("e", "d" + i, "x"));
                        publisher.toQueue(app + "-worker-1", expected.get(expected.size() - 1));
                    }
                }
                publisher.confirm();
                Path file = out.resolve("worker-1.jsonl");
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> Files.exists(file) && Files.readAllLines(file).size() == 20);
                assertThat(Files.readAllLines(file)).containsExactlyElementsOf(expected);
            }
            assertThat(TestBroker.depth(app + "-worker-1")).isZero();
        } finally {
            TestBroker.deleteApp(app, 2);
        }
    }

    @Test
    void bridgeMovesEveryTaskReHashedForTheTargetsWorkerCount() throws Exception {
        String source = TestBroker.uniqueApp("bridgesrc");
        String target = TestBroker.uniqueApp("bridgedst");
        Properties p = new Properties();
        p.setProperty("source.app", source);
        p.setProperty("source.workers", "2");
        p.setProperty("target.app", target);
        p.setProperty("target.workers", "3");
        for (String side : new String[]{"source", "target"}) {
            p.setProperty(side + ".host", TestBroker.host());
            p.setProperty(side + ".port", Integer.toString(TestBroker.port()));
        }
        p.setProperty("bridge.declareTarget", "true");
        try (Publisher publisher = new Publisher(); var camel = new DefaultCamelContext()) {
            camel.start();
            String declare = "dp3-taskqueue:" + source + "?declareTopology=true&workers=2&"
                    + TestBroker.brokerOptions();
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                bodies.add(Publisher.task("e", "b" + i, "x"));
            }
            camel.createProducerTemplate().sendBody(declare, bodies.subList(0, 290));
            camel.createProducerTemplate().sendBody(declare + "&priority=true", bodies.subList(290, 300));
            try (RouteFiles ignored = RouteFiles.start(p, "bridge.yaml")) {
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    long total = 0;
                    for (int w = 0; w < 3; w++) {
                        total += TestBroker.depth(target + "-worker-" + w)
                                + TestBroker.depth(target + "-worker-" + w + "-pri");
                    }
                    return total == 300;
                });
            }
            Set<String> moved = new HashSet<>();
            Set<String> movedPriority = new HashSet<>();
            for (int w = 0; w < 3; w++) {
                for (byte[] body : TestBroker.drain(target + "-worker-" + w + "-pri")) {
                    movedPriority.add(new String(body));
                }
                for (byte[] body : TestBroker.drain(target + "-worker-" + w)) {
                    String json = new String(body);
                    String eid = json.substring(json.indexOf("\"eid\":\"") + 7, json.indexOf("\",\"data_points"));
                    assertThat(Dp3Hash.worker("e:" + eid, 3)).isEqualTo(w);
                    moved.add(json);
                }
            }
            assertThat(movedPriority).containsExactlyInAnyOrderElementsOf(bodies.subList(290, 300));
            assertThat(moved).containsExactlyInAnyOrderElementsOf(bodies.subList(0, 290));
            for (int w = 0; w < 2; w++) {
                assertThat(
                        TestBroker.depth(source + "-worker-" + w) + TestBroker.depth(source + "-worker-" + w + "-pri"))
                        .isZero();
            }
        } finally {
            TestBroker.deleteApp(source, 2);
            TestBroker.deleteApp(target, 3);
        }
    }
}
