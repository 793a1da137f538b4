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

import java.util.Map;
import java.util.function.DoubleSupplier;

import org.apache.camel.CamelContext;

/**
 * What a dp3-taskqueue producer or consumer counts, per worker: tasks published, confirmed,
 * nacked (worker queue full) and returned (unroutable) by a producer; consumed, acked, rejected,
 * requeued and redelivered by a consumer (per queue, whose name carries the worker index); the
 * refusals of DP3's model; and gauges of what is in the queues and in flight.
 * With Micrometer on the classpath (camel-micrometer brings it) they are Micrometer counters;
 * without it, nothing is counted.
 */
public interface TaskQueueMetrics {

    /** Counts nothing. */
    TaskQueueMetrics NONE = new TaskQueueMetrics() {
    };

    default void published(int worker) {
    }

    default void confirmed(int worker) {
    }

    default void nacked(int worker) {
    }

    default void returned(int worker) {
    }

    default void consumed(String queue, boolean redelivered) {
    }

    default void acked(String queue, int count) {
    }

    default void rejected(String queue) {
    }

    default void requeued(String queue) {
    }

    /** A refusal by DP3's model, under its bounded tags (see {@code observe.Refusals}). */
    default void refused(String side, String etype, String attr, String reason, String src) {
    }

    /**
     * Shows {@code value} as the gauge {@code name} with exactly these tags while the returned handle
     * is open; values of the same name and tags from several endpoints are added up (two producers
     * of one application), or, with {@code shared}, one of them is shown (a queue's state, which
     * every endpoint reads alike). Closing the last handle removes the gauge.
     */
    default AutoCloseable gauge(String name, String description, Map<String, String> tags, DoubleSupplier value,
            boolean shared) {
        return () -> {
        };
    }

    /**
     * The metrics of one endpoint: Micrometer counters in the registry's {@code MeterRegistry}
     * (the only one bound, as camel-micrometer and Spring Boot bind it) or Micrometer's global
     * registry when something was added to it; {@link #NONE} when Micrometer is absent or has no
     * registry to report to.
     */
    static TaskQueueMetrics forEndpoint(CamelContext camel, String application, String kind) {
        if (!MicrometerPresence.AVAILABLE) {
            return NONE;
        }
        return MicrometerTaskQueueMetrics.create(camel, application, kind);
    }

    /** The metrics of an application across its endpoints (refusals, queue gauges): not tagged with a task kind. */
    static TaskQueueMetrics forApplication(CamelContext camel, String application) {
        return forEndpoint(camel, application, null);
    }

    /** Whether Micrometer's API can be loaded (it is an optional dependency). */
    final class MicrometerPresence {
        static final boolean AVAILABLE = isLoadable("io.micrometer.core.instrument.MeterRegistry");

        private MicrometerPresence() {
        }

        private static boolean isLoadable(String name) {
            try {
                Class.forName(name, false, TaskQueueMetrics.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
    }
}
