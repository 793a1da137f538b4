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
package io.github.dp3taskqueue.connection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.util.TimeUtils;

/**
 * The option {@code retryDelays} as the one retry schedule of the component (DP3 uses
 * 1s,2s,5s,10s,30s). At start-up (connecting, the topology check) each delay is waited once, so a
 * start fails after {@link #startupAttempts()} tries; recovery after a lost connection or
 * subscription tries at once, then after each delay, the last one repeating for as long as it takes.
 */
public final class RetrySchedule {

    private static final Duration RECOVERY_WITHOUT_DELAYS = Duration.ofSeconds(1);

    private final List<Duration> delays;

    public RetrySchedule(List<Duration> delays) {
        this.delays = List.copyOf(delays);
    }

    /** Reads {@code 1s,2s,5s}; a part that is not a duration is an error naming it. */
    public static RetrySchedule parse(String option) {
        List<Duration> delays = new ArrayList<>();
        for (String part : option == null ? new String[0] : option.split(",")) {
            if (!part.isBlank()) {
                try {
                    delays.add(Duration.ofMillis(TimeUtils.toMilliSeconds(part.trim())));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(
                            "retryDelays: '" + part.trim() + "' is not a duration (e.g. 500ms, 2s)", e);
                }
            }
        }
        return new RetrySchedule(delays);
    }

    /** How long start-up goes on trying at most: the delays added up (the attempts themselves aside). */
    public Duration startupDuration() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** How many times start-up tries: once, then once after each delay. */
    public int startupAttempts() {
        return delays.size() + 1;
    }

    /** At start-up, the wait after failed attempt {@code failed} (from 1), or {@code null} when no attempt is left. */
    public Duration afterFailedStartupAttempt(int failed) {
        return failed >= 1 && failed <= delays.size() ? delays.get(failed - 1) : null;
    }

    /** In recovery, the wait before attempt {@code attempt} (0: at once), the last delay repeating. */
    public Duration beforeRecoveryAttempt(int attempt) {
        if (attempt == 0) {
            return Duration.ZERO;
        }
        return delays.isEmpty() ? RECOVERY_WITHOUT_DELAYS : delays.get(Math.min(attempt - 1, delays.size() - 1));
    }

    /** Waits a start-up delay; false when interrupted (the interrupt is kept). */
    public static boolean sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code 1s,2s,500ms}: the option's form. */
    @Override
    public String toString() {
        return String.join(",", delays.stream()
                .map(d -> d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms").toList());
    }
}
