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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.dp3taskqueue.dp3.routing.Dp3Hash;
import io.github.dp3taskqueue.testing.Dp3Fixture;
import io.github.dp3taskqueue.testing.TestBroker;

/**
 * The README's procedure for changing a deployment's worker count from N to M, with the runner jar
 * and routes/bridge.yaml: drain APP (N workers) into a temporary application with M workers, give
 * APP M worker queues, move the temporary application back 1:1. Every task ends in the queue of the
 * worker HASH mod M selects, and the runner's summary counts each move exactly.
 */
@ExtendWith(TestBroker.class)
class ReshardIT {

    @RegisterExtension
    final Dp3Fixture dp3 = new Dp3Fixture("reshard", 5);

    private static final Path JAR = Path.of("target", "dp3-taskqueue-runner.jar");

    /** Runs bridge.yaml from one application to another; returns the runner's summary line. */
    private static String bridge(Path dir, String source, int sourceWorkers, String target, int targetWorkers)
            throws Exception {
        StringBuilder text = new StringBuilder("camel.main.durationMaxIdleSeconds=5\nbridge.declareTarget=true\n");
        for (String side : List.of("source", "target")) {
            text.append(side).append(".host=").append(TestBroker.host()).append('\n').append(side).append(".port=")
                    .append(TestBroker.port()).append('\n');
        }
        text.append("source.app=").append(source).append("\nsource.workers=").append(sourceWorkers)
                .append("\ntarget.app=")
                .append(target).append("\ntarget.workers=").append(targetWorkers).append('\n');
        Path properties = dir.resolve(source + "-to-" + target + ".properties");
        Files.writeString(properties, text);
        Process runner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString(),
                "--properties", properties.toString(), "routes/bridge.yaml").redirectErrorStream(true).start();
        String output = new String(runner.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(runner.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(runner.exitValue()).as(output).isZero();
        return output.lines().filter(l -> l.startsWith("dp3-taskqueue summary:")).findFirst().orElseThrow();
    }

    @Test
    void threeWorkersBecomeFiveWithEveryTaskRehashedAndCounted(@TempDir Path dir) throws Exception {
        assertThat(JAR).as("built by mvn package").exists();
        String app = dp3.app();
        String temporary = app + "-reshard";
        int tasks = 3000;
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            bodies.add("{\"etype\":\"e\",\"eid\":\"r" + i + "\",\"delete\":true}");
        }
        CamelContext camel = dp3.camel();
        try {
            camel.start();
            camel.createProducerTemplate().sendBody(dp3.uri("declareTopology=true&workers=3"), bodies);

            // 1. (DP3 stopped) drain the 3 workers' queues into a temporary application of 5 workers
            String first = bridge(dir, app, 3, temporary, 5);
            assertThat(first).contains("published " + tasks + " tasks, consumed " + tasks + " tasks");
            // 2. APP gets 5 worker queues (workers 3 and 4 are new; 0..2 are empty and keep their bindings)
            camel.getEndpoint(dp3.uri("declareTopology=true&workers=5"))
                    .createProducer().start();
            // 3. back 1:1 (the same worker count re-hashes each task to the same index)
            String second = bridge(dir, temporary, 5, app, 5);
            assertThat(second).contains("published " + tasks + " tasks, consumed " + tasks + " tasks");

            Set<String> found = new HashSet<>();
            for (int w = 0; w < 5; w++) {
                for (byte[] body : TestBroker.drain(app + "-worker-" + w)) {
                    String json = new String(body, StandardCharsets.UTF_8);
                    String eid = json.substring(json.indexOf("\"eid\":\"") + 7, json.indexOf("\",\"delete"));
                    assertThat(Dp3Hash.worker("e:" + eid, 5)).as(eid).isEqualTo(w);
                    found.add(json);
                }
            }
            assertThat(found).containsExactlyInAnyOrderElementsOf(bodies);
            System.out.printf("ACCOUNT reshard from=3 to=5 tasks=%d moved=%d lost=%d; %s; %s%n", tasks, found.size(),
                    tasks - found.size(),
                    first, second);
        } finally {
            TestBroker.deleteApp(temporary, 5);
        }
    }
}
