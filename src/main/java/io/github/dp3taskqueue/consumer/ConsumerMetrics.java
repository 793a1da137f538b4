package io.github.dp3taskqueue.consumer;

import io.github.dp3taskqueue.metrics.TaskQueueMetrics;

import java.util.concurrent.atomic.LongAdder;

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

    void delivered(String queue, boolean redelivered) {
        delivered.increment();
        reported.consumed(queue, redelivered);
    }

    void acked(String queue) {
        acked.increment();
        reported.acked(queue);
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
