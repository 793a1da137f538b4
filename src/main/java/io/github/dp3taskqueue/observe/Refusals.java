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
package io.github.dp3taskqueue.observe;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.dp3taskqueue.dp3.task.Refusal;

/**
 * What DP3's model refused for one application, which DP3 itself never shows (a refused task or
 * API request reaches neither its telemetry nor its database): counts by entity type, attribute
 * and reason and by source, and the last {@value #LAST} refusals. The values a sender chooses
 * (entity type, attribute, source) count as {@code other} beyond {@value #DISTINCT} distinct ones
 * each, so that a bad sender cannot grow the counters without bound.
 */
public final class Refusals {

    static final int LAST = 20;
    static final int DISTINCT = 100;
    static final String OTHER = "other";
    static final String NONE = "none";

    /** Where a refusal was found. */
    public enum Side {
        PRODUCER, CONSUMER, API;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Counts a refusal under its (bounded) tags: the Micrometer counter, or nothing. */
    @FunctionalInterface
    public interface Counter {
        void refused(String side, String etype, String attr, String reason, String src);

        Counter NONE = (side, etype, attr, reason, src) -> {
        };
    }

    private record Entry(Instant at, String side, Refusal refusal) {
    }

    private final Counter counter;
    private final Map<List<String>, LongAdder> byAttribute = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> bySrc = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> distinct = new ConcurrentHashMap<>();
    private final Deque<Entry> last = new ArrayDeque<>(); // guarded by itself
    private final LongAdder total = new LongAdder();

    public Refusals(Counter counter) {
        this.counter = counter;
    }

    public void record(Side side, List<Refusal> refusals) {
        Instant now = Instant.now();
        for (Refusal refusal : refusals) {
            String etype = bounded("etype", refusal.etype());
            String attr = bounded("attr", refusal.attr());
            String src = bounded("src", refusal.src());
            String reason = bounded("reason", refusal.reason());
            byAttribute.computeIfAbsent(List.of(etype, attr, reason), k -> new LongAdder()).increment();
            bySrc.computeIfAbsent(src, k -> new LongAdder()).increment();
            total.increment();
            counter.refused(side.label(), etype, attr, reason, src);
            synchronized (last) {
                last.addFirst(new Entry(now, side.label(), refusal));
                if (last.size() > LAST) {
                    last.removeLast();
                }
            }
        }
    }

    /** The value itself, {@code none} for none, {@code other} once {@value #DISTINCT} others were seen. */
    private String bounded(String tag, String value) {
        if (value == null) {
            return NONE;
        }
        Set<String> seen = distinct.computeIfAbsent(tag, k -> ConcurrentHashMap.newKeySet());
        if (seen.contains(value)) {
            return value;
        }
        synchronized (seen) {
            if (seen.size() >= DISTINCT) {
                return OTHER;
            }
            seen.add(value);
            return value;
        }
    }

    public long total() {
        return total.sum();
    }

    /** The counts, largest first, and the last refusals, newest first, for the dev console. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", total.sum());
        List<Map<String, Object>> attributes = new ArrayList<>();
        byAttribute.entrySet().stream().sorted(Comparator.comparingLong(e -> -e.getValue().sum())).forEach(e -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("etype", e.getKey().get(0));
            row.put("attr", e.getKey().get(1));
            row.put("reason", e.getKey().get(2));
            row.put("count", e.getValue().sum());
            attributes.add(row);
        });
        out.put("byAttribute", attributes);
        List<Map<String, Object>> sources = new ArrayList<>();
        bySrc.entrySet().stream().sorted(Comparator.comparingLong(e -> -e.getValue().sum())).forEach(e -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("src", e.getKey());
            row.put("count", e.getValue().sum());
            sources.add(row);
        });
        out.put("bySrc", sources);
        List<Map<String, Object>> recent = new ArrayList<>();
        synchronized (last) {
            for (Entry entry : last) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("at", entry.at().toString());
                row.put("side", entry.side());
                row.put("item", entry.refusal().item());
                row.put("etype", entry.refusal().etype());
                row.put("eid", entry.refusal().eid());
                row.put("attr", entry.refusal().attr());
                row.put("src", entry.refusal().src());
                row.put("reason", entry.refusal().reason());
                recent.add(row);
            }
        }
        out.put("last", recent);
        return out;
    }
}
