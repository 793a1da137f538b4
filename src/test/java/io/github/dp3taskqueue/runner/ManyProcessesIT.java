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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.github.dp3taskqueue.dp3.routing.Dp3Hash;
import io.github.dp3taskqueue.testing.TestBroker;

/**
 * DP3's process model with the runner jar: one consumer JVM per worker index (as DP3's
 * supervisor runs one process per index), fed by two producer JVMs. Every task is processed once,
 * by the worker its hash selects, and the tasks of an entity in the order they were written.
 */
@ExtendWith(TestBroker.class)
class ManyProcessesIT {

    private static final int WORKERS = 4;
    private static final int PER_PRODUCER = 10_000;
    private static final int ENTITIES = 500;
    private static final Path JAR = Path.of("target", "dp3-taskqueue-runner.jar");
    private static final Pattern TASK = Pattern.compile("\"eid\":\"([ab]\\d+)\".*\"attr\":\"seq\".*\"v\":(\\d+)");

    private static Process runner(Path dir, String name, Map<String, String> properties, String routeFile)
            throws Exception {
        StringBuilder text = new StringBuilder("camel.component.dp3-taskqueue.host=" + TestBroker.host()
                + "\ncamel.component.dp3-taskqueue.port=" + TestBroker.port()
                + "\ncamel.main.durationMaxIdleSeconds=15\n");
        properties.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Path file = dir.resolve(name + ".properties");
        Files.writeString(file, text);
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-jar",
                JAR.toString(), "--properties", file.toString(), routeFile).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    @Test
    void fourWorkerProcessesFedByTwoProducerProcessesProcessEveryTaskOnceInEntityOrder(@TempDir Path dir)
            throws Exception {
        assertThat(JAR).as("built by mvn package").exists();
        String app = TestBroker.uniqueApp("procs");
        List<Process> processes = new ArrayList<>();
        try {
            // the topology first, as DP3's rmq_reconfigure.sh would have declared it
            try (var camel = new DefaultCamelContext()) {
                camel.start();
                camel.getEndpoint("dp3-taskqueue:" + app + "?declareTopology=true&workers=" + WORKERS
                        + "&normalQueueMaxLength=50000&"
                        + TestBroker.brokerOptions()).createProducer().start();
            }
            for (int w = 0; w < WORKERS; w++) {
                processes.add(runner(dir, "worker" + w,
                        Map.of("dp3.app", app, "dp3.workers", "" + WORKERS, "worker.index", "" + w,
                                "drain.dir", dir.resolve("out").toString()),
                        "routes/drain-worker.yaml"));
            }
            for (String producer : List.of("a", "b")) {
                Path feed = Files.createDirectories(dir.resolve("feed-" + producer));
                StringBuilder lines = new StringBuilder();
                for (int i = 0; i < PER_PRODUCER; i++) {
                    // entity producer+(i % ENTITIES), its i / ENTITIES-th task: per entity, v counts up
                    lines.append("{\"etype\":\"e\",\"eid\":\"").append(producer).append(i % ENTITIES)
                            .append("\",\"data_points\":[{\"etype\":\"e\",\"eid\":\"").append(producer)
                            .append(i % ENTITIES)
                            .append("\",\"attr\":\"seq\",\"v\":").append(i / ENTITIES).append("}]}\n");
                }
                Files.writeString(feed.resolve("tasks.tmp"), lines);
                Files.move(feed.resolve("tasks.tmp"), feed.resolve("tasks.jsonl"));
                processes.add(runner(dir, "producer-" + producer,
                        Map.of("dp3.app", app, "dp3.workers", "" + WORKERS, "feed.dir",
                                feed.toString()),
                        "routes/feed-jsonl.yaml"));
            }
            for (Process process : processes) {
                assertThat(process.waitFor(240, TimeUnit.SECONDS)).as("every runner stops after 15 s idle").isTrue();
            }
            Map<String, Integer> seen = new HashMap<>();
            int duplicates = 0;
            for (int w = 0; w < WORKERS; w++) {
                Map<String, Integer> lastSeq = new HashMap<>();
                for (String line : Files.readAllLines(dir.resolve("out").resolve("worker-" + w + ".jsonl"))) {
                    Matcher m = TASK.matcher(line);
                    assertThat(m.find()).as(line).isTrue();
                    String eid = m.group(1);
                    int seq = Integer.parseInt(m.group(2));
                    assertThat(Dp3Hash.worker("e:" + eid, WORKERS)).as("worker of " + eid).isEqualTo(w);
                    Integer before = lastSeq.put(eid, seq);
                    assertThat(before == null || before < seq || before == seq)
                            .as(eid + " in order: " + before + " then " + seq).isTrue();
                    if (seen.merge(eid + "#" + seq, 1, Integer::sum) > 1) {
                        duplicates++;
                    }
                }
            }
            assertThat(seen).hasSize(2 * PER_PRODUCER);
            assertThat(duplicates).as("no fault, so every task exactly once").isZero();
            System.out.printf(
                    "ACCOUNT many-processes workers=%d producers=2 given=%d processed=%d duplicates=%d lost=%d%n",
                    WORKERS,
                    2 * PER_PRODUCER, seen.size(), duplicates, 2 * PER_PRODUCER - seen.size());
            for (int w = 0; w < WORKERS; w++) {
                assertThat(Files.readString(dir.resolve("worker" + w + ".log"))).contains("dp3-taskqueue summary:");
            }
        } finally {
            processes.forEach(Process::destroyForcibly);
            TestBroker.deleteApp(app, WORKERS);
        }
    }
}
