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
package io.github.dp3taskqueue.dp3.time;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * DP3's datetime, the one home of the concept: a value as Python holds it (a local date and time
 * with microseconds, and an offset from UTC or none for a naive datetime), read from text as
 * pydantic reads it ({@link #parse}, {@link #ofUnix}) and written as pydantic writes it
 * ({@link #toString}: seconds always, microseconds as six digits when not zero, UTC as {@code Z},
 * other offsets as {@code ±HH:MM}, nothing when naive). Python allows offsets up to ±23:59,
 * beyond {@link ZoneOffset}'s ±18:00, so the offset is kept in seconds.
 *
 * @param local         the local date and time
 * @param offsetSeconds the offset from UTC in seconds, or {@code null} for a naive datetime
 */
public record Dp3Time(LocalDateTime local, Integer offsetSeconds) implements Comparable<Dp3Time> {

    public static Dp3Time utc(LocalDateTime local) {
        return new Dp3Time(local, 0);
    }

    /**
     * ISO 8601 text as pydantic (speedate) reads it: {@code YYYY-MM-DD}, optionally followed by
     * {@code T}, {@code t}, {@code _} or a space and {@code HH:MM[:SS[.fraction]]}, then an
     * optional {@code Z} or {@code ±HH:MM}/{@code ±HHMM}; {@code null} for anything else.
     */
    public static Dp3Time parse(String text) {
        return TimeText.parse(text);
    }

    /**
     * A Unix time as pydantic reads a number: seconds, or milliseconds above 2·10^10, in UTC;
     * {@code null} outside Python's years 1 to 9999.
     */
    public static Dp3Time ofUnix(double timestamp) {
        return TimeText.unix(timestamp);
    }

    /** {@link #ofUnix(double)} of a whole number, without rounding it through a double. */
    public static Dp3Time ofUnix(long timestamp) {
        return TimeText.unix(timestamp, 0, Math.abs((double) timestamp) > TimeText.MS_WATERSHED);
    }

    /**
     * Whether a text that {@link #parse} reads is already what {@link #toString} writes for its
     * value: {@code T} between date and time, seconds, a fraction only of six digits and not zero,
     * {@code Z} or a {@code ±HH:MM} offset other than zero, or no offset when {@code naive}
     * values are written as such (DP3's aware datetimes give a naive value {@code Z}).
     */
    public static boolean isWritten(String text, boolean naive) {
        return TimeText.isWritten(text, naive);
    }

    public boolean isAware() {
        return offsetSeconds != null;
    }

    /** This value with UTC as its offset when it is naive (DP3's {@code AwareDatetime}). */
    public Dp3Time aware() {
        return isAware() ? this : utc(local);
    }

    /** The same instant, as Java's type; {@code null} when naive or the offset is beyond ±18:00. */
    public OffsetDateTime toOffsetDateTime() {
        if (!isAware() || Math.abs(offsetSeconds) > 18 * 3600) {
            return null;
        }
        return local.atOffset(ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    /** The UTC time of an aware value, or the local time of a naive one: what comparisons use. */
    public LocalDateTime comparable() {
        return isAware() ? local.minusSeconds(offsetSeconds) : local;
    }

    public Dp3Time plus(Duration duration) {
        return new Dp3Time(local.plus(duration), offsetSeconds);
    }

    /** Python's order: by instant for aware values, by local time for naive ones (never mix them). */
    @Override
    public int compareTo(Dp3Time other) {
        return comparable().compareTo(other.comparable());
    }

    /** DP3's written form (see the class comment). */
    @Override
    public String toString() {
        return appendTo(new StringBuilder(32)).toString();
    }

    /** {@link #toString()} onto {@code out}. */
    public StringBuilder appendTo(StringBuilder out) {
        return TimeText.append(out, local, offsetSeconds);
    }

    /**
     * Python's {@code datetime.isoformat()}, as DP3's API writes a validated time back: {@code
     * 2024-05-01T12:05:00+00:00}.
     */
    public String isoformat() {
        return pythonStr().replace(' ', 'T');
    }

    /** Python's {@code str(datetime)}: {@code 2024-05-01 12:05:00+00:00}. */
    public String pythonStr() {
        String text = toString().replace('T', ' ');
        if (offsetSeconds == null) {
            return text;
        }
        return offsetSeconds == 0 ? text.substring(0, text.length() - 1) + "+00:00" : text;
    }
}
