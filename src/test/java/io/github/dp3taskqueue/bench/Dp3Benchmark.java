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
package io.github.dp3taskqueue.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.dp3taskqueue.testing.PriorityScenarios;
import io.github.dp3taskqueue.testing.TestBroker;

/**
 * The benchmark ({@code mvn -q -Pbench verify}): each scenario runs the component and its plain
 * amqp-client baseline alternately, a warm-up and then {@code bench.rounds} rounds each on fresh
 * queues, and prints the medians and their ratio. The last lines are machine-readable:
 * {@code RESULT <scenario> key=value ...}.
 */
public final class Dp3Benchmark {

    private interface Measure {
        double run(List<String> bodies) throws Exception;
    }

    private Dp3Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        TestBroker.ensureStarted();
        int tasks = Integer.getInteger("bench.tasks", 100_000);
        // the component's code needs more JIT warm-up than the baseline's few calls
        int warmup = Integer.getInteger("bench.warmup", 20_000);
        // 5, not 3: two runs of the same code on 2026-12-03 gave produce-batch 1.13 and 0.86 of the
        // baseline with 3 rounds, whose component/baseline pairs ranged from 0.85 to 1.25
        int rounds = Integer.getInteger("bench.rounds", 5);
        int memoryTasks = Integer.getInteger("bench.memoryTasks", 1_000_000);
        long start = System.nanoTime();
        List<String> bodies = BenchSupport.bodies(tasks);
        List<String> warm = bodies.subList(0, Math.min(warmup, tasks));
        System.out.printf("dp3-taskqueue benchmark: %d tasks of %d bytes, %d rounds, broker %s:%d, %d cores%n", tasks,
                bodies.get(0).length(), rounds, TestBroker.host(), TestBroker.port(),
                Runtime.getRuntime().availableProcessors());
        JitWarmup.run(bodies, 3);
        List<String> results = new ArrayList<>();
        // the produce scenarios have the same baseline: one series of baseline runs, one in each
        // round (saves baseline runs of 100,000 persistent messages)
        results.addAll(compareProducers(warm, bodies, rounds));
        double batch = Double
                .parseDouble(results.stream().filter(r -> r.startsWith("RESULT produce-batch ")).findFirst()
                        .orElseThrow().replaceAll(".* component=([0-9.]+) .*", "$1"));
        int apiSeconds = Integer.getInteger("bench.apiSeconds", 20);
        double[] api = ApiIngestScenario.run(apiSeconds);
        System.out.printf("api-ingest: %d clients, %d data points per request, %d s: %.0f requests/s, %.0f tasks/s%n",
                ApiIngestScenario.CLIENTS, ApiIngestScenario.POINTS, apiSeconds, api[0], api[2]);
        results.add("RESULT api-ingest requests_per_s=" + BenchSupport.plain(api[0]) + " datapoints_per_s="
                + BenchSupport.plain(api[1])
                + " tasks_per_s=" + BenchSupport.plain(api[2]) + " ratio=" + BenchSupport.plain(api[2] / batch)
                + " clients="
                + ApiIngestScenario.CLIENTS + " datapoints_per_request=" + ApiIngestScenario.POINTS);
        results.add(compare("consume", warm.subList(0, warm.size() / 2), bodies, rounds, ConsumeScenario::component,
                ConsumeScenario::baseline));

        int last = PriorityScenarios.lastPriorityPosition(50);
        results.add("RESULT priority-prefilled last_priority_position=" + last + " limit=2050");
        int arrival = PriorityScenarios.maxNormalStartedBeforePriority(1, 10);
        results.add("RESULT priority-arrival max_normal_started_before_priority=" + arrival + " limit=2");

        long memoryStart = System.nanoTime();
        results.addAll(memory(memoryTasks));
        System.out.printf("memory took %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - memoryStart));

        double[] latency = LatencyScenario.run(BenchSupport.bodies(10_000), 2000);
        results.add("RESULT latency rate=2000 priority_p50_ms=" + BenchSupport.plain(latency[0]) + " priority_p99_ms="
                + BenchSupport.plain(latency[1]) + " normal_p50_ms=" + BenchSupport.plain(latency[2])
                + " normal_p99_ms="
                + BenchSupport.plain(latency[3]));

        System.out.printf("benchmark took %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
        results.forEach(System.out::println);
        System.exit(0); // the scenarios' non-daemon amqp threads are gone, but do not wait for stragglers
    }

    private static String compare(String scenario, List<String> warm, List<String> bodies, int rounds,
            Measure component,
            Measure baseline) throws Exception {
        long began = System.nanoTime();
        component.run(warm);
        component.run(warm); // the consumer's path is not in JitWarmup: one more pass before measuring
        baseline.run(warm.subList(0, Math.min(10_000, warm.size())));
        List<Double> c = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            CpuUse start = CpuUse.now();
            c.add(component.run(bodies));
            CpuUse middle = CpuUse.now();
            b.add(baseline.run(bodies));
            CpuUse end = CpuUse.now();
            System.out.printf(
                    "%s round %d: component %.0f tasks/s, baseline %.0f tasks/s (CPU with set-up: component's %s; "
                            + "baseline's %s)%n",
                    scenario, round, c.get(c.size() - 1), b.get(b.size() - 1), middle.since(start).describe(),
                    end.since(middle).describe());
        }
        System.out.printf("%s took %d s%n", scenario, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
        double cm = BenchSupport.median(c);
        double bm = BenchSupport.median(b);
        System.out.printf("%s median: component %.0f tasks/s, baseline %.0f tasks/s, ratio %.2f%n", scenario, cm, bm,
                cm / bm);
        return "RESULT " + scenario + " component=" + BenchSupport.plain(cm) + " baseline=" + BenchSupport.plain(bm)
                + " ratio="
                + BenchSupport.plain(cm / bm);
    }

    /**
     * Rounds of produce-single (an asynchronous call into the route), produce-single-seda (through a
     * seda stage), produce-batch and their common baseline, in an order that rotates from round to
     * round (baseline, single, single-seda, batch; then single, single-seda, batch, baseline; ...),
     * so that no scenario always runs right after the same one, nor always early or late in a round:
     * this machine's broker changes speed between runs (ten identical baseline runs in a row on
     * 2026-12-03 ranged from 15,229 to 19,401 tasks/s), and with a fixed order whatever that depends
     * on (the run before, the time within a round) would favour or handicap the same scenario in
     * every round.
     * Each RESULT line also gives the JVM's CPU time per task while the component's rounds and the
     * baseline's rounds were timed (medians), since on this 2-core machine CPU left to the broker
     * is throughput.
     */
    private static List<String> compareProducers(List<String> warm, List<String> bodies, int rounds) throws Exception {
        long began = System.nanoTime();
        for (ProduceScenario.Shape shape : ProduceScenario.Shape.values()) {
            ProduceScenario.component(warm, shape);
        }
        ProduceScenario.baseline(warm.subList(0, Math.min(10_000, warm.size())));
        Map<ProduceScenario.Shape, List<ProduceScenario.Run>> runs = new EnumMap<>(ProduceScenario.Shape.class);
        List<ProduceScenario.Run> baseline = new ArrayList<>();
        List<ProduceScenario.Shape> order = new ArrayList<>();
        order.add(null); // the baseline
        order.addAll(List.of(ProduceScenario.Shape.values()));
        for (int round = 1; round <= rounds; round++) {
            StringBuilder line = new StringBuilder("produce round " + round + ":");
            for (ProduceScenario.Shape shape : order) {
                CpuUse start = CpuUse.now();
                ProduceScenario.Run run = shape == null ? ProduceScenario.baseline(bodies)
                        : ProduceScenario.component(bodies, shape);
                (shape == null ? baseline : runs.computeIfAbsent(shape, s -> new ArrayList<>())).add(run);
                line.append(describe(shape == null ? "baseline" : shape.label, run, CpuUse.now().since(start)));
            }
            System.out.println(line);
            Collections.rotate(order, -1);
        }
        System.out.printf("produce-single, produce-single-seda and produce-batch took %d s%n",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
        double b = BenchSupport.median(baseline.stream().map(ProduceScenario.Run::rate).toList());
        double bCpu = BenchSupport.median(baseline.stream().map(ProduceScenario.Run::cpuMicrosPerTask).toList());
        List<String> lines = new ArrayList<>();
        for (ProduceScenario.Shape shape : ProduceScenario.Shape.values()) {
            List<ProduceScenario.Run> timed = runs.get(shape);
            double c = BenchSupport.median(timed.stream().map(ProduceScenario.Run::rate).toList());
            double cCpu = BenchSupport.median(timed.stream().map(ProduceScenario.Run::cpuMicrosPerTask).toList());
            System.out.printf(
                    "%s median: component %.0f tasks/s, baseline %.0f tasks/s, ratio %.2f; CPU per task %.1f us "
                            + "against %.1f us (%.2f x)%n",
                    shape.label, c, b, c / b, cCpu, bCpu, cCpu / bCpu);
            lines.add("RESULT " + shape.label + " component=" + BenchSupport.plain(c) + " baseline="
                    + BenchSupport.plain(b) + " ratio="
                    + BenchSupport.plain(c / b) + " cpu_us_component=" + BenchSupport.plain(cCpu) + " cpu_us_baseline="
                    + BenchSupport.plain(bCpu) + " cpu_ratio=" + BenchSupport.plain(cCpu / bCpu));
        }
        return lines;
    }

    private static String describe(String name, ProduceScenario.Run run, CpuUse cpu) {
        return String.format(" %s %.0f tasks/s (%.1f us CPU/task; with set-up: %s);", name, run.rate(),
                run.cpuMicrosPerTask(), cpu.describe());
    }

    /**
     * memory-produce and memory-consume: two -Xmx256m JVMs at once, one publishing a JSON-lines file
     * to four workers, one draining them. Four workers rather than one: a single queue is one
     * broker process, which caps the run at one core and made these 2,000,000 messages the
     * slowest part of the benchmark (200,000 tasks here: 29 s with one worker, 21 s with four).
     */
    static List<String> memory(int count) throws Exception {
        String app = BenchSupport.freshApp("memory", count + 1000);
        Path dir = Files.createTempDirectory("dp3-bench");
        Path file = dir.resolve("tasks.jsonl");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (int i = 0; i < count; i++) {
                    out.write(BenchSupport.body(i));
                    out.write('\n');
                }
            }
            Process consumer = child(MemoryConsumerMain.class, TestBroker.host(), Integer.toString(TestBroker.port()),
                    app,
                    Integer.toString(count));
            Process producer = child(MemoryProducerMain.class, TestBroker.host(), Integer.toString(TestBroker.port()),
                    app,
                    file.toString(), Integer.toString(count));
            String produced = finish(producer);
            String consumed = finish(consumer);
            return List.of(
                    "RESULT memory-produce tasks=" + count + " xmx_mb=256 peak_heap_mb="
                            + value(produced, "peak_heap_mb"),
                    "RESULT memory-consume tasks=" + count + " xmx_mb=256 peak_heap_mb="
                            + value(consumed, "peak_heap_mb"));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
            TestBroker.deleteApp(app, BenchSupport.WORKERS);
        }
    }

    private static Process child(Class<?> main, String... args) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String finish(Process process) throws Exception {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(600, TimeUnit.SECONDS) || process.exitValue() != 0 || !output.contains("MEMORY ")) {
            throw new IllegalStateException("memory scenario JVM failed:\n" + output);
        }
        String line = output.lines().filter(l -> l.startsWith("MEMORY ")).findFirst().orElseThrow();
        System.out.println(line);
        return line;
    }

    private static String value(String line, String key) {
        for (String part : line.split(" ")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        throw new IllegalStateException(key + " missing in " + line);
    }
}
