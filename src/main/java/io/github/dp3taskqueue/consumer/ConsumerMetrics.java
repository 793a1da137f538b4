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
