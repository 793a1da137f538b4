package io.github.dp3taskqueue.bench;

import java.util.List;

/** Runs one benchmark scenario alone, for profiling: ScenarioMain produce-single|produce-batch|consume [tasks] [rounds]. */
public final class ScenarioMain {

    private ScenarioMain() {
    }

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<String> bodies = BenchSupport.bodies(tasks);
        if (!Boolean.getBoolean("bench.noJitWarmup")) {
            JitWarmup.run(bodies, 3);
        }
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int round = 0; round < rounds; round++) {
            long cpu0 = os.getProcessCpuTime();
            double component = switch (args[0]) {
                case "produce-single" -> ProduceScenario.component(bodies, 1);
                case "produce-batch" -> ProduceScenario.component(bodies, 500);
                default -> ConsumeScenario.component(bodies);
            };
            long cpu1 = os.getProcessCpuTime();
            double baseline = args[0].startsWith("produce") ? ProduceScenario.baseline(bodies) : ConsumeScenario.baseline(bodies);
            long cpu2 = os.getProcessCpuTime();
            System.out.printf("%s: component %.0f/s baseline %.0f/s ratio %.2f (JVM CPU: component %.1f s, baseline %.1f s)%n",
                    args[0], component, baseline, component / baseline, (cpu1 - cpu0) / 1e9, (cpu2 - cpu1) / 1e9);
        }
        System.exit(0);
    }
}
