package io.github.dp3taskqueue.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/** Samples the used heap every 20 ms and keeps the peak (run in the measured JVM). */
final class HeapSampler {

    private final AtomicLong peak = new AtomicLong();

    HeapSampler() {
        Thread thread = new Thread(() -> {
            while (true) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    double peakMegabytes() {
        return peak.get() / (1024.0 * 1024.0);
    }
}
