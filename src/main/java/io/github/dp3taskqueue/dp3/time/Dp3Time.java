package io.github.dp3taskqueue.dp3.time;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A validated datetime as Python holds it: a local date and time with microseconds, and an offset
 * from UTC or none (a naive datetime). Python allows offsets up to ±23:59, beyond
 * {@link ZoneOffset}'s ±18:00, so the offset is kept in seconds.
 *
 * @param local         the local date and time
 * @param offsetSeconds the offset from UTC in seconds, or {@code null} for a naive datetime
 */
public record Dp3Time(LocalDateTime local, Integer offsetSeconds) implements Comparable<Dp3Time> {

    public static Dp3Time utc(LocalDateTime local) {
        return new Dp3Time(local, 0);
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

    /**
     * DP3's written form: microseconds when not zero, {@code Z} for UTC, {@code ±HH:MM} otherwise, nothing when naive.
     */
    @Override
    public String toString() {
        return Dp3DateTime.write(local, offsetSeconds);
    }

    /** {@link #toString()} onto {@code out}. */
    public StringBuilder appendTo(StringBuilder out) {
        return Dp3DateTime.append(out, local, offsetSeconds);
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
