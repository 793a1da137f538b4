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
package io.github.dp3taskqueue.publisher;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The broker's block of the publishing connection (a memory or disk alarm), while it lasts: its
 * reason, since when, and when it was last said that it goes on.
 */
final class BrokerBlock {

    private static final long REPORT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private volatile String reason;
    private volatile Instant since;
    private long sinceNanos;
    private long reportedNanos;

    /** The reason the broker gave while it blocks, else {@code null}. */
    String reason() {
        return reason;
    }

    synchronized void begin(String given) {
        if (reason == null) {
            since = Instant.now();
            sinceNanos = System.nanoTime();
            reportedNanos = sinceNanos;
        }
        reason = given == null || given.isBlank() ? "no reason given" : given;
    }

    synchronized void end() {
        reason = null;
        since = null;
    }

    /** Since when the broker blocks, else {@code null}. */
    Instant since() {
        return since;
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
