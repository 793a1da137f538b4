package io.github.dp3taskqueue.producer;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The broker's block of the publishing connection (a memory or disk alarm), while it lasts: its
 * reason, since when, and the periodic sweep that fails messages held too long.
 */
final class BrokerBlock {

    private static final long SWEEP_MILLIS = 100;
    private static final long REPORT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private volatile String reason;
    private ScheduledFuture<?> sweep;
    private long sinceNanos;
    private long reportedNanos;

    /** The reason the broker gave while it blocks, else {@code null}. */
    String reason() {
        return reason;
    }

    synchronized void begin(String given, ScheduledExecutorService scheduler, Runnable sweepTask) {
        reason = given == null || given.isBlank() ? "no reason given" : given;
        if (sweep == null) {
            sinceNanos = System.nanoTime();
            reportedNanos = sinceNanos;
            sweep = scheduler.scheduleWithFixedDelay(sweepTask, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    synchronized void end() {
        reason = null;
        if (sweep != null) {
            sweep.cancel(false);
            sweep = null;
        }
    }

    /** How long the block has lasted, in seconds, when it is time to say so again (every 30 s); else -1. */
    synchronized long secondsIfReportDue(long nowNanos) {
        if (reason == null || nowNanos - reportedNanos < REPORT_NANOS) {
            return -1;
        }
        reportedNanos = nowNanos;
        return TimeUnit.NANOSECONDS.toSeconds(nowNanos - sinceNanos);
    }
}
