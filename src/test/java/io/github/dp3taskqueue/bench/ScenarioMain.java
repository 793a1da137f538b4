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
        for (int round = 0; round < rounds; round++) {
            double component = switch (args[0]) {
                case "produce-single" -> ProduceScenario.component(bodies, 1);
                case "produce-batch" -> ProduceScenario.component(bodies, 500);
                default -> ConsumeScenario.component(bodies);
            };
            double baseline = args[0].startsWith("produce") ? ProduceScenario.baseline(bodies) : ConsumeScenario.baseline(bodies);
            System.out.printf("%s: component %.0f/s baseline %.0f/s ratio %.2f%n", args[0], component, baseline, component / baseline);
        }
        System.exit(0);
    }
}
