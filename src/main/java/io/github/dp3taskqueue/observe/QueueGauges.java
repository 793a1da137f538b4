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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.github.dp3taskqueue.metrics.TaskQueueMetrics;

/**
 * The gauges of a {@link QueueWatch}'s queues: {@code dp3.taskqueue.queue.ready},
 * {@code .consumers} and {@code .limit}, tagged {@code application}, {@code queue}, {@code worker}
 * and {@code lane}; unknown (NaN) while a queue cannot be asked or has no limit.
 */
public final class QueueGauges implements AutoCloseable {

    private final List<AutoCloseable> handles = new ArrayList<>();

    public QueueGauges(TaskQueueMetrics metrics, String application, QueueWatch watch) {
        for (WatchedQueue queue : watch.queues()) {
            Map<String, String> tags = Map.of("application", application, "queue", queue.queue(), "worker",
                    Integer.toString(queue.worker()), "lane", queue.lane().label());
            gauge(metrics, "ready", "Messages ready in a DP3 worker queue", tags, watch, queue, s -> s.ready());
            gauge(metrics, "consumers", "Consumers of a DP3 worker queue", tags, watch, queue, s -> s.consumers());
            if (queue.lane() == WatchedQueue.Lane.NORMAL) {
                gauge(metrics, "limit", "x-max-length of a DP3 worker queue", tags, watch, queue,
                        s -> s.limit() == null ? Double.NaN : s.limit());
            }
        }
    }

    private void gauge(TaskQueueMetrics metrics, String what, String description, Map<String, String> tags,
            QueueWatch watch, WatchedQueue queue, ToDoubleFunction<QueueState> value) {
        handles.add(metrics.gauge("dp3.taskqueue.queue." + what, description, tags, () -> {
            QueueState state = watch.state(queue.queue());
            return state == null || state.problem() != null ? Double.NaN : value.applyAsDouble(state);
        }, true));
    }

    @Override
    public void close() {
        for (AutoCloseable handle : handles) {
            try {
                handle.close();
            } catch (Exception e) {
                // a gauge that cannot be removed stays; nothing to do about it here
            }
        }
        handles.clear();
    }
}
