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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The last state of every queue probed in this JVM, by broker and queue name: an endpoint asks for
 * the queues it uses, and only those nobody probed within the interval are probed again, so that a
 * queue is probed once per interval however many endpoints use it (a producer and the consumers of
 * its workers, say). Probing itself is the caller's ({@link QueueProbe}); this class only decides
 * which queues need it.
 */
public final class QueueProbes {

    /** The probes of this JVM. */
    public static final QueueProbes SHARED = new QueueProbes(System::nanoTime);

    private final LongSupplier nanos;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong probes = new AtomicLong();

    private static final class Entry {
        volatile QueueState state; // written under the entry's lock, read without it (a gauge never waits)
        long probedNanos; // guarded by the entry
        boolean probed; // guarded by the entry
    }

    /** Probes queues on the broker (one short-lived channel for all of them); a state for each. */
    @FunctionalInterface
    public interface QueueProbe {
        /**
         * @param previous the last state of a queue in this JVM, or {@code null} (what need not be asked again)
         */
        Map<String, QueueState> probe(List<String> queues, Function<String, QueueState> previous);
    }

    QueueProbes(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /**
     * The states of {@code queues} on {@code broker}, probing with {@code probe} those whose last
     * probe (by any endpoint) is older than {@code interval}.
     */
    public List<QueueState> states(String broker, List<String> queues, Duration interval, QueueProbe probe) {
        List<Entry> mine = new ArrayList<>(queues.size());
        for (String queue : queues) {
            mine.add(entries.computeIfAbsent(broker + " " + queue, k -> new Entry()));
        }
        // taken in the order of their keys: two endpoints probing overlapping queues cannot deadlock
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < queues.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> (broker + " " + queues.get(a)).compareTo(broker + " " + queues.get(b)));
        return statesLocked(queues, mine, order, 0, interval, probe);
    }

    private List<QueueState> statesLocked(List<String> queues, List<Entry> mine, List<Integer> order, int next,
            Duration interval, QueueProbe probe) {
        if (next < order.size()) {
            synchronized (mine.get(order.get(next))) {
                return statesLocked(queues, mine, order, next + 1, interval, probe);
            }
        }
        long now = nanos.getAsLong();
        List<String> stale = new ArrayList<>();
        for (int i = 0; i < queues.size(); i++) {
            Entry entry = mine.get(i);
            // a little early still counts as due: the scheduler's ticks drift by milliseconds
            if (!entry.probed || now - entry.probedNanos >= interval.toNanos() * 9 / 10) {
                stale.add(queues.get(i));
            }
        }
        if (!stale.isEmpty()) {
            Map<String, QueueState> fresh = probe.probe(stale, queue -> mine.get(queues.indexOf(queue)).state);
            probes.addAndGet(stale.size());
            for (int i = 0; i < queues.size(); i++) {
                QueueState state = fresh.get(queues.get(i));
                if (state != null) {
                    Entry entry = mine.get(i);
                    entry.state = state;
                    entry.probedNanos = now;
                    entry.probed = true;
                }
            }
        }
        List<QueueState> states = new ArrayList<>(queues.size());
        for (Entry entry : mine) {
            states.add(entry.state);
        }
        return states;
    }

    /** The last state of a queue, or {@code null} when no endpoint of this JVM probed it. */
    public QueueState last(String broker, String queue) {
        Entry entry = entries.get(broker + " " + queue);
        return entry == null ? null : entry.state;
    }

    /** Queue probes made in this JVM so far. */
    public long probes() {
        return probes.get();
    }
}
