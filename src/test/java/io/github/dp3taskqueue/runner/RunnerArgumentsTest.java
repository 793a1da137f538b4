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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerArgumentsTest {

    @Test
    void theCommandLinesPropertiesWinOverTheFileAndDashDIsOneOfThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("my.properties");
        Files.writeString(file, "demo.tasks = 2000\ndemo.app = fromfile\n");
        RunnerArguments arguments = RunnerArguments.parse(new String[]{"--properties", file.toString(),
                "demo.tasks=100", "-Ddemo.workers=2", "routes/demo.yaml"});
        assertThat(arguments.command()).isEqualTo("run");
        assertThat(arguments.routes()).containsExactly(Path.of("routes/demo.yaml"));
        assertThat(arguments.properties()).containsEntry("demo.tasks", "100").containsEntry("demo.workers", "2")
                .containsEntry("demo.app", "fromfile");
        assertThat(RunnerArguments.parse(new String[]{"check"}).command()).isEqualTo("check");
        assertThat(RunnerArguments.parse(new String[]{"--check", "routes/demo.yaml"}).command()).isEqualTo("check");
    }

    @Test
    void aManagementKeyUnderCamelServerIsNamedWithTheKeyItIsNow() throws Exception {
        for (String key : new String[]{"camel.server.healthCheckEnabled", "camel.server.metrics-enabled"}) {
            RunnerArguments arguments = RunnerArguments.parse(new String[]{key + "=true", "routes/demo.yaml"});
            assertThatThrownBy(arguments::properties).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(key + " is camel.management.")
                    .hasMessageContaining("camel.management.enabled=true, camel.management.port");
        }
    }

    @Test
    void theManagementServersMetricsAndConsolesBringTheServicesBehindThem() throws Exception {
        RunnerArguments on = RunnerArguments.parse(new String[]{"camel.management.metricsEnabled=true",
                "camel.management.devConsoleEnabled=true", "routes/demo.yaml"});
        assertThat(on.properties()).containsEntry("camel.metrics.enabled", "true")
                .containsEntry("camel.main.devConsoleEnabled", "true");
        RunnerArguments off = RunnerArguments.parse(new String[]{"camel.management.metricsEnabled=true",
                "camel.metrics.enabled=false", "routes/demo.yaml"});
        assertThat(off.properties()).containsEntry("camel.metrics.enabled", "false")
                .doesNotContainKey("camel.main.devConsoleEnabled");
    }

    @Test
    void aWrongCommandLineSaysWhatIsWrong() {
        assertThatThrownBy(() -> RunnerArguments.parse(new String[]{"routes/nosuch.yaml"}))
                .hasMessage("route file not found: routes/nosuch.yaml");
        assertThatThrownBy(() -> RunnerArguments.parse(new String[]{})).hasMessage("no route file given");
        assertThatThrownBy(() -> RunnerArguments.parse(new String[]{"--properties"}))
                .hasMessage("--properties needs a file");
    }
}
