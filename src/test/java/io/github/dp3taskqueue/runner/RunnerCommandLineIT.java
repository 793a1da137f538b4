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
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.dp3taskqueue.TaskQueueConstants;
import io.github.dp3taskqueue.testing.Dp3Fixture;
import io.github.dp3taskqueue.testing.FreePort;
import io.github.dp3taskqueue.testing.Publisher;
import io.github.dp3taskqueue.testing.TestBroker;
import io.github.dp3taskqueue.testing.TestData;

/**
 * The runner as a command-line tool for an operator who knows DP3 and RabbitMQ, not Camel: what
 * it says about a mistake is its last line, {@code check} tells the state of the deployment, and
 * the command line's properties win over the file.
 */
@ExtendWith(TestBroker.class)
class RunnerCommandLineIT {

    @RegisterExtension
    final Dp3Fixture dp3 = new Dp3Fixture("runner", 4);

    private static final String COMPONENT = "camel.component.dp3-taskqueue.";

    private String[] broker() {
        return new String[]{"dp3.app=" + dp3.app(), COMPONENT + "host=" + TestBroker.host(),
                COMPONENT + "port=" + TestBroker.port()};
    }

    private static String[] with(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    /**
     * DP3's topology of the test's application for 4 workers, as DP3 declares it, with one task in it.
     *
     * @return the worker of that task
     */
    private int declareTopology() throws Exception {
        dp3.camel().start();
        return publish("declareTopology=true&");
    }

    /** @return the worker of the task published */
    private int publish(String options) {
        return dp3.camel().createProducerTemplate()
                .request(dp3.uri(options + "workers=4"), e -> e.getMessage().setBody(Publisher.task("e", "a", "x")))
                .getMessage().getHeader(TaskQueueConstants.WORKER_INDEX, Integer.class);
    }

    @Test
    void checkTellsTheModelTheWorkersTheBrokerAndEachExchangeAndQueueThenExits1Or0() throws Exception {
        String config = TestData.dir("model/config").toString();
        String[] check = with(with(new String[]{"check"}, broker()), COMPONENT + "configDir=" + config);

        RunnerProcess.Run missing = RunnerProcess.run(check);
        assertThat(missing.exitCode()).as(missing.output()).isEqualTo(1);
        assertThat(missing.output()).contains("application '" + dp3.app() + "'")
                .contains("workers: 4 (configDir " + Path.of(config, "processing_core.yml")
                        + " (worker_processes))")
                .contains("broker: " + TestBroker.host() + ":" + TestBroker.port())
                .containsPattern("exchange +" + dp3.app() + "-main-task-exchange +MISSING")
                .containsPattern("queue +" + dp3.app() + "-worker-3-pri +MISSING")
                .contains("PROBLEM: ").contains("set declareTopology=true")
                .doesNotContain("Exception");
        assertThat(missing.lastLine()).isEqualTo("check: PROBLEMS (see above)");

        declareTopology();
        RunnerProcess.Run present = RunnerProcess.run(check);
        assertThat(present.exitCode()).as(present.output()).isZero();
        assertThat(present.output()).contains("entity types: [")
                .containsPattern("exchange +" + dp3.app() + "-main-task-exchange +present")
                .containsPattern("queue +" + dp3.app() + "-worker-0 +present \\{.*x-overflow")
                .doesNotContain("MISSING").doesNotContain("PROBLEM");
        assertThat(present.lastLine()).isEqualTo("check: OK");
        assertThat(present.output()).as("no route started").doesNotContain("Started route");
    }

    @Test
    void theCommandLinesPropertiesWinOverThePropertiesFile() throws Exception {
        // demo.properties says demo.tasks = 2000
        RunnerProcess.Run run = RunnerProcess.run("--embedded-broker", "--properties", "routes/demo.properties",
                "demo.tasks=100", "-Ddemo.app=" + TestBroker.uniqueApp("override"), "routes/demo.yaml");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("dp3-taskqueue summary: published 100 tasks, consumed 100 tasks");
    }

    @Test
    void aWorkersPerTaskLinesAreQuietenedByALogConfigurationOfOnesOwn(@TempDir Path dir) throws Exception {
        int worker = declareTopology();
        // each run drains the one task there is
        String[] drainOne = with(broker(), "dp3.workers=4", "worker.index=" + worker,
                "camel.main.durationMaxMessages=1", "drain.dir=" + dir, "routes/drain-worker.yaml");

        RunnerProcess.Run usual = RunnerProcess.run(drainOne);
        assertThat(usual.exitCode()).as(usual.output()).isZero();
        assertThat(usual.output()).contains("INFO  drain-worker - worker " + worker + ": e:a from ");

        publish("");
        RunnerProcess.Run quiet = RunnerProcess.run(
                List.of("-Dlog4j2.configurationFile=docs/examples/runner-log4j2.properties"), drainOne);
        assertThat(quiet.exitCode()).as(quiet.output()).isZero();
        assertThat(quiet.output()).doesNotContain("drain-worker - worker")
                .contains("route drain-worker: 1 tasks consumed, 0 failed");
        assertThat(Files.readAllLines(dir.resolve("worker-" + worker + ".jsonl"))).hasSize(2);
    }

    @Test
    void aConfigDirThatIsNotDp3sStopsTheStartNamingWhatIsMissing() throws Exception {
        Path entities = TestData.dir("model/config").resolve("db_entities");
        RunnerProcess.Run run = RunnerProcess.run(with(broker(), COMPONENT + "configDir=" + entities,
                "routes/drain-worker.yaml"));
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.lastLine()).isEqualTo("dp3-taskqueue runner: start-up failed: configDir " + entities
                + " has neither processing_core.yml nor db_entities/: is it DP3's config directory (the one that "
                + "holds both)? It looks like db_entities/ itself: give its parent, " + entities.getParent() + ".");
    }

    @Test
    void aWrongPasswordEndsWithTheComponentsMessageAndWhereTheCredentialsCameFrom(@TempDir Path dir)
            throws Exception {
        Path config = dir.resolve("config");
        Files.createDirectories(config.resolve("db_entities"));
        Path core = config.resolve("processing_core.yml");
        Files.writeString(core, Files.readString(TestData.dir("model/config").resolve("processing_core.yml"))
                .replace("password: guest", "password: not-the-password"));
        RunnerProcess.Run run = RunnerProcess.run(with(broker(), COMPONENT + "configDir=" + config,
                "routes/drain-worker.yaml"));
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.lastLine()).isEqualTo("dp3-taskqueue runner: start-up failed: cannot connect to RabbitMQ at "
                + TestBroker.host() + ":" + TestBroker.port() + ", virtual host '/': login refused (check the "
                + "username and password: user 'guest' from configDir " + core
                + " (msg_broker.username), password from "
                + "configDir " + core + " (msg_broker.password))");
        assertThat(Pattern.compile("^\\S*ConnectFailedException", Pattern.MULTILINE).matcher(run.output()).results()
                .count()).as("the stack trace at most once").isLessThanOrEqualTo(1);
    }

    @Test
    void theHttpPortAnswers503NamingWhatTheStartWaitsForUntilTheRoutesHaveStarted(@TempDir Path dir)
            throws Exception {
        int port = FreePort.next();
        // long enough to be seen waiting at any speed; the topology arrives long before it ends
        String delays = String.join(",", Collections.nCopies(240, "500ms"));
        try (RunnerProcess runner = RunnerProcess.start(dir.resolve("runner.log"),
                with(broker(), COMPONENT + "configDir=" + TestData.dir("model/config"),
                        COMPONENT + "retryDelays=" + delays, COMPONENT + "statsInterval=200ms",
                        "dp3.runner.progress-interval-seconds=1", "camel.server.enabled=true",
                        "camel.server.port=" + port, "routes/dp3-api.yaml"))) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest root = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build();
            HttpResponse<String> waiting = await("a 503 while the start waits for the topology")
                    .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> http.send(root, HttpResponse.BodyHandlers.ofString()),
                            response -> response.statusCode() == 503 && response.body().contains("not declared"));
            assertThat(waiting.headers().firstValue("Retry-After")).isPresent();
            assertThat(waiting.body()).startsWith("{\"detail\":\"dp3-taskqueue is not ready: the routes are starting, "
                    + "and the start waits: exchange '" + dp3.app() + "-")
                    .contains("is not declared: the DP3 topology is missing on the broker");

            declareTopology();
            HttpResponse<String> ready = await("200 once the routes have started").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> http.send(root, HttpResponse.BodyHandlers.ofString()),
                            response -> response.statusCode() != 503);
            assertThat(ready.statusCode()).as(runner.output()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("{\"detail\":\"It works!\"}");

            // a producer-only run: the progress line shows the queues its routes publish to
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/datapoints")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                            .ofString("[{\"type\":\"host\",\"id\":\"192.0.2.10\",\"attr\":\"hostname\","
                                    + "\"v\":\"a.example.net\"}]"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
            await("a progress line with the depths of the queues published to").atMost(Duration.ofSeconds(60))
                    .until(() -> Pattern.compile("progress: published 1 .*queue depths \\{[^}]*" + dp3.app()
                            + "-worker-\\d=[1-9]").matcher(runner.output()).find());
        }
    }
}
