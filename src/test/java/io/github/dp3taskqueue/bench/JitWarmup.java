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

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

import io.github.dp3taskqueue.EndpointSettings;
import io.github.dp3taskqueue.TaskQueueConfiguration;
import io.github.dp3taskqueue.dp3.config.Dp3Config;
import io.github.dp3taskqueue.dp3.json.TaskJsonReader;
import io.github.dp3taskqueue.dp3.model.TaskValidator;
import io.github.dp3taskqueue.dp3.task.TaskKind;
import io.github.dp3taskqueue.producer.PublishPlanner;

/**
 * Compiles the component's CPU-heavy path (read, canonicalise, plan, write) before the measured
 * rounds, without the broker: the JIT otherwise keeps compiling during the first rounds and its
 * threads take CPU from the broker, which the baseline (a few calls) does not suffer from. The
 * broker-side warm-up of each scenario still runs as before.
 */
final class JitWarmup {

    private JitWarmup() {
    }

    static void run(List<String> bodies, int passes) throws Exception {
        try (var camel = new DefaultCamelContext()) {
            camel.start();
            Dp3Config config = Dp3Config.read(Path.of(BenchSupport.CONFIG_DIR));
            TaskValidator validator = new TaskValidator(config.dataModel());
            TaskQueueConfiguration options = new TaskQueueConfiguration();
            options.setConfigDir(BenchSupport.CONFIG_DIR);
            options.setWorkers(BenchSupport.WORKERS);
            PublishPlanner planner = new PublishPlanner(EndpointSettings.resolve("warmup", options), refusals -> {
            });
            // the bodies are in DP3's own form, so component and baseline publish the same bytes
            byte[] first = BenchSupport.utf8(bodies.get(0));
            if (!Arrays.equals(validator.validate(first, "the first body").message(), first)) {
                throw new IllegalStateException("the benchmark's bodies are not in DP3's own form: " + bodies.get(0));
            }
            long sink = 0;
            for (int pass = 0; pass < passes; pass++) {
                for (String body : bodies) {
                    DefaultExchange exchange = new DefaultExchange(camel);
                    exchange.getMessage().setBody(body);
                    sink += planner.plan(exchange).size();
                    sink += TaskJsonReader.read(TaskKind.DATAPOINT, BenchSupport.utf8(body)).hashKey().length();
                    sink += validator.validate(BenchSupport.utf8(body), "warm-up").message().length;
                }
                // and as produce-batch sends them: a collection per exchange, whose planning the JIT
                // otherwise compiled again (three times) during the first rounds of produce-batch
                int batch = ProduceScenario.Shape.BATCH.batch;
                for (int from = 0; from < bodies.size(); from += batch) {
                    DefaultExchange exchange = new DefaultExchange(camel);
                    exchange.getMessage()
                            .setBody(List.copyOf(bodies.subList(from, Math.min(bodies.size(), from + batch))));
                    sink += planner.plan(exchange).size();
                }
            }
            if (sink == 0) {
                throw new IllegalStateException("warm-up planned nothing");
            }
        }
    }
}
