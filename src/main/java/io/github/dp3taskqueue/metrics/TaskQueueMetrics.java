package io.github.dp3taskqueue.metrics;

import org.apache.camel.CamelContext;

/**
 * What a dp3-taskqueue producer or consumer counts, per worker: tasks published, confirmed,
 * nacked (worker queue full) and returned (unroutable) by a producer; consumed, acked, rejected,
 * requeued and redelivered by a consumer (per queue, whose name carries the worker index).
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
