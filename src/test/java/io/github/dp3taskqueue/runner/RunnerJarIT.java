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
package io.github.dp3taskqueue.runner;

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
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.dp3taskqueue.testing.FreePort;
import io.github.dp3taskqueue.testing.TestBroker;

/** The runner jar as a separate process, as the README's first command runs it. */
class RunnerJarIT {

    @Test
    void theDemoRunsOnTheEmbeddedBrokerAndPrintsPerWorkerCounts() throws Exception {
        RunnerProcess.Run run = RunnerProcess.run("--embedded-broker", "--properties", "routes/demo.properties",
                "routes/demo.yaml");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("embedded AMQP broker").contains("progress: published")
                .contains("dp3-taskqueue summary: published 2000 tasks, consumed 2000 tasks")
                // one exchange per task (one exchange looping over 2,000 sends overflows the
                // message-history tracer of Camel JBang's dev profile)
                .contains("route demo-generate: 2000 tasks published, 0 failed").contains("demo: generated 2000 tasks");
        Matcher worker = Pattern.compile("route demo-worker-(\\d): (\\d+) tasks consumed, 0 failed")
                .matcher(run.output());
        int total = 0;
        int workers = 0;
        while (worker.find()) {
            total += Integer.parseInt(worker.group(2));
            workers++;
        }
        assertThat(workers).isEqualTo(4);
        assertThat(total).isEqualTo(2000);
    }

    @Test
    void anUnreachableConfiguredBrokerFailsAndNoEmbeddedBrokerStandsIn(@TempDir Path dir) throws Exception {
        Path properties = dir.resolve("unreachable.properties");
        Files.writeString(properties,
                "camel.component.dp3-taskqueue.host=127.0.0.1\ncamel.component.dp3-taskqueue.port=1\n"
                        + "camel.component.dp3-taskqueue.retryDelays=100ms\n");
        RunnerProcess.Run run = RunnerProcess.run("--properties", properties.toString(), "routes/demo.yaml");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("cannot connect to RabbitMQ at 127.0.0.1:1")
                .doesNotContain("embedded AMQP broker");
    }

    @Test
    void aStartUpFailureEndsTheRunnerWithOneLineAlsoWithAnIdleTimeout(@TempDir Path dir) throws Exception {
        TestBroker.ensureStarted();
        Path properties = dir.resolve("missing.properties");
        // the idle timeout the demo recommends starts a thread that kept the JVM alive after a failed start
        Files.writeString(properties,
                "camel.main.durationMaxIdleSeconds=4\ncamel.component.dp3-taskqueue.retryDelays=100ms\n"
                        + "camel.component.dp3-taskqueue.host=" + TestBroker.host()
                        + "\ncamel.component.dp3-taskqueue.port=" + TestBroker.port()
                        + "\ndp3.app=" + TestBroker.uniqueApp("nosuch") + "\n");
        RunnerProcess.Run run = RunnerProcess.run("--properties", properties.toString(), "routes/drain-worker.yaml");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.lastLine()).startsWith("dp3-taskqueue runner: start-up failed: queue not declared:")
                .contains("declareTopology=true");
        assertThat(run.output()).doesNotContain("Exception in thread");
        assertThat(Pattern.compile("^io\\.github\\.dp3taskqueue\\.topology\\.TopologyException", Pattern.MULTILINE)
                .matcher(run.output()).results().count()).as("one stack trace, Camel's").isEqualTo(1);
    }

    @Test
    void theManagementServerServesHealthMetricsAndTheDevConsole(@TempDir Path dir) throws Exception {
        int port = FreePort.next();
        List<String> args = new ArrayList<>(List.of("--embedded-broker", "--properties", "routes/demo.properties"));
        // the documented properties, as an operator adds them
        Properties observe = new Properties();
        try (var in = Files.newInputStream(Path.of("docs/examples/observe.properties"))) {
            observe.load(in);
        }
        observe.setProperty("camel.management.port", Integer.toString(port));
        observe.forEach((k, v) -> args.add(k + "=" + v));
        args.addAll(
                List.of("camel.main.durationMaxIdleSeconds=120", "camel.component.dp3-taskqueue.statsInterval=200ms",
                        "routes/demo.yaml"));
        try (RunnerProcess runner = RunnerProcess.start(dir.resolve("runner.log"), args.toArray(String[]::new))) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port;
            String metrics = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                    .ignoreExceptions().until(() -> get(http, base + "/observe/metrics", "*/*").body(),
                            body -> body.contains("dp3_taskqueue_consumed_total")
                                    && body.contains("dp3_taskqueue_queue_ready{"));
            assertThat(metrics).contains("dp3_taskqueue_published_total{application=\"dp3demo\"")
                    .contains("lane=\"priority\"").contains("dp3_taskqueue_producer_window{")
                    .contains("dp3_taskqueue_consumer_running{");
            HttpResponse<String> console = get(http, base + "/q/dev/dp3-taskqueue", "application/json");
            assertThat(console.statusCode()).as(runner.output()).isEqualTo(200);
            assertThat(console.body()).contains("\"endpoints\"").contains("\"role\":\"consumer\"")
                    .contains("\"queue\":\"dp3demo-worker-0-pri\"");
            assertThat(get(http, base + "/q/dev/dp3-taskqueue", "text/plain").body()).contains("role: producer");
            // UP once the context has finished starting
            HttpResponse<String> health = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(() -> get(http, base + "/observe/health?exposureLevel=full", "application/json"),
                            response -> response.statusCode() == 200);
            assertThat(health.body()).contains("\"name\":\"dp3-taskqueue-consumer:demo-worker-0\",\"status\":\"UP\"");
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void badArgumentsPrintTheUsage() throws Exception {
        RunnerProcess.Run run = RunnerProcess.run("--bogus");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("unknown option --bogus")
                .contains("usage: java -jar dp3-taskqueue-runner.jar");
    }
}
