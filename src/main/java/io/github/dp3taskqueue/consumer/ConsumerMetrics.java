package io.github.dp3taskqueue.consumer;

import java.util.concurrent.atomic.LongAdder;

/** Counters of a consumer, for logs, tests and the benchmark. */
public final class ConsumerMetrics {

    private final LongAdder delivered = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder requeued = new LongAdder();
    private final LongAdder rejected = new LongAdder();

    void delivered() {
        delivered.increment();
    }

    void acked() {
        acked.increment();
    }

    void requeued() {
        requeued.increment();
    }

    void rejected() {
        rejected.increment();
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
