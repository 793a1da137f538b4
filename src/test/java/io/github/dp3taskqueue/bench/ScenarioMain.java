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

import java.util.List;

/**
 * Runs one benchmark scenario alone, for profiling: ScenarioMain
 * produce-single|produce-single-seda|produce-batch|consume|memory [tasks] [rounds], or api-ingest [seconds].
 */
public final class ScenarioMain {

    private ScenarioMain() {
    }

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        if (args[0].equals("api-ingest")) {
            double[] api = ApiIngestScenario.run(tasks); // here "tasks" is the run's length in seconds
            System.out.printf("api-ingest: %.0f requests/s, %.0f data points/s, %.0f tasks/s%n", api[0], api[1],
                    api[2]);
            System.exit(0);
        }
        if (args[0].equals("memory")) {
            Dp3Benchmark.memory(tasks).forEach(System.out::println);
            System.exit(0);
        }
        List<String> bodies = BenchSupport.bodies(tasks);
        if (!Boolean.getBoolean("bench.noJitWarmup")) {
            JitWarmup.run(bodies, 3);
        }
        for (int round = 0; round < rounds; round++) {
            CpuUse start = CpuUse.now();
            ProduceScenario.Shape shape = ProduceScenario.Shape.named(args[0]);
            double component = shape != null ? report(ProduceScenario.component(bodies, shape))
                    : ConsumeScenario.component(bodies);
            CpuUse middle = CpuUse.now();
            double baseline = shape != null ? report(ProduceScenario.baseline(bodies))
                    : ConsumeScenario.baseline(bodies);
            CpuUse end = CpuUse.now();
            System.out.printf(
                    "%s: component %.0f/s baseline %.0f/s ratio %.2f (CPU of the component's run: %s; of the "
                            + "baseline's: %s)%n",
                    args[0], component, baseline, component / baseline, middle.since(start).describe(),
                    end.since(middle).describe());
        }
        System.exit(0);
    }

    private static double report(ProduceScenario.Run run) {
        System.out.printf("  %.0f tasks/s, %.1f us JVM CPU per task%n", run.rate(), run.cpuMicrosPerTask());
        return run.rate();
    }
}
