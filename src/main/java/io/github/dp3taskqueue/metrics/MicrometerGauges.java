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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;

/**
 * Gauges that several endpoints feed: one gauge per registry, name and tags, whose value is the
 * sum of its sources (or, when they all read the same thing, the first one that knows it), and
 * which is removed with its last source. Micrometer keeps the first gauge registered under an id
 * and ignores later ones, so without this a second producer's window, or a stopped endpoint's
 * queue, would show wrong values.
 */
final class MicrometerGauges {

    private static final Map<List<Object>, Slot> SLOTS = new ConcurrentHashMap<>();

    private static final class Slot {
        final List<DoubleSupplier> sources = new CopyOnWriteArrayList<>();
        final boolean shared;
        Gauge gauge;

        Slot(boolean shared) {
            this.shared = shared;
        }

        double value() {
            double sum = 0;
            boolean known = false;
            for (DoubleSupplier source : sources) {
                double v = source.getAsDouble();
                if (!Double.isNaN(v)) {
                    if (shared) {
                        return v;
                    }
                    sum += v;
                    known = true;
                }
            }
            return known ? sum : Double.NaN;
        }
    }

    private MicrometerGauges() {
    }

    static AutoCloseable add(MeterRegistry registry, String name, String description, Map<String, String> tags,
            DoubleSupplier value, boolean shared) {
        Tags all = Tags.of(tags.entrySet().stream().map(e -> Tag.of(e.getKey(), e.getValue())).toList());
        List<Object> key = List.of(System.identityHashCode(registry), registry.getClass().getName(), name, all);
        synchronized (SLOTS) {
            Slot slot = SLOTS.computeIfAbsent(key, k -> new Slot(shared));
            slot.sources.add(value);
            if (slot.gauge == null) {
                slot.gauge = Gauge.builder(name, slot, Slot::value).description(description).tags(all)
                        .strongReference(true).register(registry);
            }
        }
        return () -> {
            synchronized (SLOTS) {
                Slot slot = SLOTS.get(key);
                if (slot != null && slot.sources.remove(value) && slot.sources.isEmpty()) {
                    registry.remove(slot.gauge);
                    SLOTS.remove(key);
                }
            }
        };
    }
}
