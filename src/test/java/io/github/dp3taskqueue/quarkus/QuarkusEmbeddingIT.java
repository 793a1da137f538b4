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
package io.github.dp3taskqueue.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.dp3taskqueue.testing.TestBroker;

/**
 * Builds the Camel Quarkus application of {@code src/it/quarkus-app} (JVM mode) against the
 * component jar of this build, runs it, and checks that its YAML routes publish and consume
 * tasks through the broker.
 */
@ExtendWith(TestBroker.class)
class QuarkusEmbeddingIT {

    private static final Path APP_DIR = Path.of("src", "it", "quarkus-app");

    private static String run(List<String> command, Path dir) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(600, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        assertThat(process.exitValue()).as("%s failed:%n%s", command, output).isZero();
        return output;
    }

    @Test
    void aCamelQuarkusApplicationPublishesAndConsumesTasks() throws Exception {
        String version = System.getProperty("dp3.version", "0.1.0-SNAPSHOT");
        Path jar = Path.of(System.getProperty("dp3.jar", "target/camel-dp3-taskqueue-" + version + ".jar"))
                .toAbsolutePath();
        // the application resolves the component from the local repository, as a user's build would
        run(List.of("mvn", "-q", "-B", "install:install-file", "-Dfile=" + jar,
                "-DpomFile=" + Path.of("pom.xml").toAbsolutePath()),
                Path.of("."));
        run(List.of("mvn", "-q", "-B", "package", "-Ddp3.version=" + version), APP_DIR);

        String app = TestBroker.uniqueApp("quarkus");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                "target/quarkus-app/quarkus-run.jar").directory(APP_DIR.toFile()).redirectErrorStream(true);
        builder.environment().put("DP3_BROKER_HOST", TestBroker.host());
        builder.environment().put("DP3_BROKER_PORT", Integer.toString(TestBroker.port()));
        builder.environment().put("DP3_APP", app);
        Process quarkus = builder.start();
        List<String> consumed = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(quarkus.getInputStream()))) {
            long deadline = System.currentTimeMillis() + 60_000;
            String line;
            while (consumed.size() < 5 && System.currentTimeMillis() < deadline && (line = lines.readLine()) != null) {
                if (line.contains("QUARKUS-CONSUMED ip:10.0.0.")) {
                    consumed.add(line);
                }
            }
        } finally {
            quarkus.destroy();
            quarkus.waitFor(20, TimeUnit.SECONDS);
            TestBroker.deleteApp(app, 2);
        }
        assertThat(consumed).hasSize(5);
    }
}
