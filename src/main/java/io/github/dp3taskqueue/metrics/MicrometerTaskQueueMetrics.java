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
package io.github.dp3taskqueue.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;

import org.apache.camel.CamelContext;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * Micrometer counters {@code dp3.taskqueue.<event>} tagged with the application, the task kind and
 * the worker (producer) or queue (consumer); {@code dp3.taskqueue.refused}; the gauges
 * ({@link MicrometerGauges}). Counters are created once per tag set and then only
 * incremented, so the hot path costs two map lookups and an adder.
 */
final class MicrometerTaskQueueMetrics implements TaskQueueMetrics {

    private final MeterRegistry registry;
    private final String application;
    private final String kind;
    // one map per event and tag: the hot path looks a counter up without building a key
    private final Map<String, Map<Object, Counter>> counters = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> refusals = new ConcurrentHashMap<>();

    private MicrometerTaskQueueMetrics(MeterRegistry registry, String application, String kind) {
        this.registry = registry;
        this.application = application;
        this.kind = kind;
    }

    static TaskQueueMetrics create(CamelContext camel, String application, String kind) {
        MeterRegistry registry = camel.getRegistry().findSingleByType(MeterRegistry.class);
        if (registry == null && Metrics.globalRegistry.getRegistries().isEmpty()) {
            return TaskQueueMetrics.NONE; // nowhere to report to: do not pay for counting on the hot path
        }
        return new MicrometerTaskQueueMetrics(registry != null ? registry : Metrics.globalRegistry, application, kind);
    }

    private void count(String event, String tag, Object value) {
        count(event, tag, value, 1);
    }

    private void count(String event, String tag, Object value, int amount) {
        counters.computeIfAbsent(event, e -> new ConcurrentHashMap<>())
                .computeIfAbsent(value, v -> {
                    Counter.Builder counter = Counter.builder("dp3.taskqueue." + event)
                            .description("DP3 tasks " + event + " by the dp3-taskqueue component")
                            .tag("application", application).tag(tag, v.toString());
                    return (kind == null ? counter : counter.tag("kind", kind)).register(registry);
                })
                .increment(amount);
    }

    @Override
    public void refused(String side, String etype, String attr, String reason, String src) {
        // the values are bounded by the caller (observe.Refusals)
        refusals.computeIfAbsent(List.of(side, etype, attr, reason, src),
                k -> Counter.builder("dp3.taskqueue.refused")
                        .description("Tasks and data points refused by DP3's data model, which DP3 never counts")
                        .tag("application", application).tag("side", side).tag("etype", etype).tag("attr", attr)
                        .tag("reason", reason).tag("src", src).register(registry))
                .increment();
    }

    @Override
    public AutoCloseable gauge(String name, String description, Map<String, String> tags, DoubleSupplier value,
            boolean shared) {
        return MicrometerGauges.add(registry, name, description, tags, value, shared);
    }

    @Override
    public void published(int worker) {
        count("published", "worker", worker);
    }

    @Override
    public void confirmed(int worker) {
        count("confirmed", "worker", worker);
    }

    @Override
    public void nacked(int worker) {
        count("nacked", "worker", worker);
    }

    @Override
    public void returned(int worker) {
        count("returned", "worker", worker);
    }

    @Override
    public void consumed(String queue, boolean redelivered) {
        count("consumed", "queue", queue);
        if (redelivered) {
            count("redelivered", "queue", queue);
        }
    }

    @Override
    public void acked(String queue, int count) {
        count("acked", "queue", queue, count);
    }

    @Override
    public void rejected(String queue) {
        count("rejected", "queue", queue);
    }

    @Override
    public void requeued(String queue) {
        count("requeued", "queue", queue);
    }
}
