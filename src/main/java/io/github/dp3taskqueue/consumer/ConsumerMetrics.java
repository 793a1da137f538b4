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
package io.github.dp3taskqueue.consumer;

import java.util.concurrent.atomic.LongAdder;

import io.github.dp3taskqueue.TaskQueueEndpoint;
import io.github.dp3taskqueue.metrics.TaskQueueMetrics;

/** Counters of a consumer, for logs, tests and the benchmark; also reported to {@link TaskQueueMetrics}. */
public final class ConsumerMetrics {

    private final TaskQueueMetrics reported;

    private final LongAdder delivered = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder requeued = new LongAdder();
    private final LongAdder rejected = new LongAdder();

    public ConsumerMetrics(TaskQueueMetrics reported) {
        this.reported = reported;
    }

    /** The counters of a consumer of this endpoint, reported to Micrometer when it is there. */
    static ConsumerMetrics of(TaskQueueEndpoint endpoint) {
        return new ConsumerMetrics(TaskQueueMetrics.forEndpoint(endpoint.getCamelContext(), endpoint.getApplication(),
                endpoint.getSettings().kind().optionValue()));
    }

    void delivered(String queue, boolean redelivered) {
        delivered.increment();
        reported.consumed(queue, redelivered);
    }

    void acked(String queue, int count) {
        acked.add(count);
        reported.acked(queue, count);
    }

    void requeued(String queue) {
        requeued.increment();
        reported.requeued(queue);
    }

    void rejected(String queue) {
        rejected.increment();
        reported.rejected(queue);
    }

    public long getDelivered() {
        return delivered.sum();
    }

    public long getAcked() {
        return acked.sum();
    }

    public long getRequeued() {
        return requeued.sum();
    }

    public long getRejected() {
        return rejected.sum();
    }
}
