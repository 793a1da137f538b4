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
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.DoubleSupplier;

import io.github.dp3taskqueue.connection.ChannelSource;
import io.github.dp3taskqueue.metrics.TaskQueueMetrics;

/**
 * What a running producer or consumer shows of itself: the watch of its queues with their gauges
 * (none with {@code statsInterval=0}), and the gauges of what it holds in flight. Made at its
 * start, closed at its stop.
 */
public final class Observation implements AutoCloseable {

    private final TaskQueueMetrics metrics;
    private final Map<String, String> tags;
    private final QueueWatch watch;
    private final QueueGauges queueGauges;
    private final List<AutoCloseable> gauges = new ArrayList<>();

    /**
     * @param tags     the in-flight gauges' tags ({@code application}, {@code kind}, ...)
     * @param queues   the queues it uses
     * @param interval how often to probe them; zero: never
     */
    public Observation(String owner, String application, String broker, ChannelSource channels,
            List<WatchedQueue> queues, Map<String, Object> normalArguments, Duration interval,
            ScheduledExecutorService scheduler, TaskQueueMetrics metrics, Map<String, String> tags) {
        this.metrics = metrics;
        this.tags = Map.copyOf(tags);
        if (interval.isZero()) {
            watch = null;
            queueGauges = null;
        } else {
            watch = new QueueWatch(owner, broker, channels, queues, normalArguments, interval, QueueProbes.SHARED);
            queueGauges = new QueueGauges(metrics, application, watch);
            watch.start(scheduler);
        }
    }

    /** Adds the in-flight gauge {@code dp3.taskqueue.NAME} (summed over the endpoints with the same tags). */
    public Observation inFlight(String name, String description, DoubleSupplier value) {
        gauges.add(metrics.gauge("dp3.taskqueue." + name, description, tags, value, false));
        return this;
    }

    /** The queues' watch, or {@code null} with {@code statsInterval=0}. */
    public QueueWatch watch() {
        return watch;
    }

    /** The queues as the console shows them: their last state, or that they are not watched. */
    public Object queues() {
        return watch == null ? "not watched (statsInterval=0)" : watch.describe();
    }

    @Override
    public void close() {
        if (watch != null) {
            watch.stop();
            queueGauges.close();
        }
        for (AutoCloseable gauge : gauges) {
            try {
                gauge.close();
            } catch (Exception e) {
                // a gauge that cannot be removed stays; nothing to do about it here
            }
        }
        gauges.clear();
    }
}
