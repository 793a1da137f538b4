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

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.FileUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.github.dp3taskqueue.testing.TestBroker;

/**
 * {@code camel run routes/demo.yaml} through Camel JBang (its core, {@code camel-jbang-core},
 * which Maven resolves), with the component given as the README says: the built jar in a Maven
 * repository and {@code --dep=mvn:…} with {@code --repos}. The jar goes in under a version of its
 * own, so no copy cached in ~/.m2 by an earlier run stands in for it.
 */
@ExtendWith(TestBroker.class)
class CamelJBangIT {

    private static final String LAUNCHER = "public class Camel { public static void main(String[] args) {"
            + " org.apache.camel.dsl.jbang.core.commands.CamelJBangMain.run(args); } }\n";

    @Test
    void camelRunRunsTheDemoAgainstTheBrokerWithTheComponentFromAMavenRepository(@TempDir Path dir) throws Exception {
        String version = "0.0.0-jbang-it-" + System.currentTimeMillis();
        Path repo = dir.resolve("repo");
        install(repo, version);
        String app = TestBroker.uniqueApp("jbang");
        Path properties = dir.resolve("demo-broker.properties");
        Files.writeString(properties, String.join("\n", "camel.component.dp3-taskqueue.host=" + TestBroker.host(),
                "camel.component.dp3-taskqueue.port=" + TestBroker.port(),
                "camel.component.dp3-taskqueue.declareTopology=true",
                "demo.app=" + app, "demo.tasks=200", ""));
        Path launcher = dir.resolve("Camel.java");
        Files.writeString(launcher, LAUNCHER);
        List<String> command = new ArrayList<>(List.of(java(), "-cp", jbangClassPath(dir), launcher.toString(), "run",
                Path.of("routes/demo.yaml").toAbsolutePath().toString(), properties.toString(),
                "--dep=mvn:io.github.dp3taskqueue:camel-dp3-taskqueue:" + version, "--repos=" + repo.toUri(),
                "--max-idle-seconds=4"));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(240, TimeUnit.SECONDS)).as("camel run exits by itself").isTrue();
            String log = new String(output);
            assertThat(process.exitValue()).as(log).isZero();
            assertThat(log).contains("Started demo-worker-3 (dp3-taskqueue://" + app + ")", "demo: generated 200 tasks")
                    .doesNotContain("Queue full").doesNotContain("ERROR");
            for (int worker = 0; worker < 4; worker++) {
                assertThat(TestBroker.depth(app + "-worker-" + worker)).as("worker %d drained", worker).isZero();
                assertThat(TestBroker.depth(app + "-worker-" + worker + "-pri")).isZero();
            }
        } finally {
            TestBroker.deleteApp(app, 4);
            // JBang's downloader caches what it fetched in ~/.m2: that version is this test's alone
            FileUtil.removeDir(new File(System.getProperty("user.home"),
                    ".m2/repository/io/github/dp3taskqueue/camel-dp3-taskqueue/"
                            + version));
        }
    }

    /** The built jar and this project's pom, as a Maven repository holds a release. */
    private static void install(Path repo, String version) throws IOException {
        Path jar;
        try (Stream<Path> target = Files.list(Path.of("target"))) {
            jar = target
                    .filter(p -> p.getFileName().toString().matches("camel-dp3-taskqueue-[0-9.]+(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no target/camel-dp3-taskqueue-*.jar: run mvn package first"));
        }
        Path at = Files.createDirectories(repo.resolve("io/github/dp3taskqueue/camel-dp3-taskqueue/" + version));
        Files.copy(jar, at.resolve("camel-dp3-taskqueue-" + version + ".jar"));
        String pom = Files.readString(Path.of("pom.xml"));
        Files.writeString(at.resolve("camel-dp3-taskqueue-" + version + ".pom"),
                pom.replaceFirst("<version>[^<]*</version>", "<version>" + version + "</version>"));
    }

    /**
     * camel-jbang-core and its dependencies, resolved by Maven (camel-jbang-main, the launcher, is not on Maven
     * Central).
     */
    private static String jbangClassPath(Path dir) throws Exception {
        String camelVersion = new DefaultCamelContext().getVersion();
        Path pom = dir.resolve("jbang-pom.xml");
        Files.writeString(pom, "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
                + "<groupId>it</groupId><artifactId>jbang</artifactId><version>1</version><dependencies><dependency>"
                + "<groupId>org.apache.camel</groupId><artifactId>camel-jbang-core</artifactId><version>" + camelVersion
                + "</version></dependency></dependencies></project>");
        Path classPath = dir.resolve("jbang-classpath.txt");
        Process mvn = new ProcessBuilder("mvn", "-q", "-f", pom.toString(), "dependency:build-classpath",
                "-Dmdep.outputFile=" + classPath).redirectErrorStream(true).start();
        byte[] output = mvn.getInputStream().readAllBytes();
        assertThat(mvn.waitFor(300, TimeUnit.SECONDS)).as("mvn resolves camel-jbang-core").isTrue();
        assertThat(mvn.exitValue()).as("mvn dependency:build-classpath of camel-jbang-core: %s", new String(output))
                .isZero();
        return Files.readString(classPath).trim();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
