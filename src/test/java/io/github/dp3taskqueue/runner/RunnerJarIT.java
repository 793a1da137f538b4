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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void badArgumentsPrintTheUsage() throws Exception {
        RunnerProcess.Run run = RunnerProcess.run("--bogus");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("unknown option --bogus")
                .contains("usage: java -jar dp3-taskqueue-runner.jar");
    }
}
