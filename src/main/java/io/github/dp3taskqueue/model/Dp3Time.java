package io.github.dp3taskqueue.model;

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
    LocalDateTime comparable() {
        return isAware() ? local.minusSeconds(offsetSeconds) : local;
    }

    Dp3Time plus(Duration duration) {
        return new Dp3Time(local.plus(duration), offsetSeconds);
    }

    /** Python's order: by instant for aware values, by local time for naive ones (never mix them). */
    @Override
    public int compareTo(Dp3Time other) {
        return comparable().compareTo(other.comparable());
    }

    /** DP3's written form: microseconds when not zero, {@code Z} for UTC, {@code ±HH:MM} otherwise, nothing when naive. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(32);
        int year = local.getYear();
        out.append(year < 1000 ? String.format("%04d", year) : Integer.toString(year)).append('-');
        two(out, local.getMonthValue()).append('-');
        two(out, local.getDayOfMonth()).append('T');
        two(out, local.getHour()).append(':');
        two(out, local.getMinute()).append(':');
        two(out, local.getSecond());
        int micros = local.getNano() / 1000;
        if (micros != 0) {
            String digits = Integer.toString(micros);
            out.append('.');
            for (int i = digits.length(); i < 6; i++) {
                out.append('0');
            }
            out.append(digits);
        }
        if (offsetSeconds != null) {
            if (offsetSeconds == 0) {
                out.append('Z');
            } else {
                int abs = Math.abs(offsetSeconds);
                out.append(offsetSeconds < 0 ? '-' : '+');
                two(out, abs / 3600).append(':');
                two(out, abs % 3600 / 60);
            }
        }
        return out.toString();
    }

    /** Python's {@code str(datetime)}: {@code 2024-05-01 12:05:00+00:00}. */
    String pythonStr() {
        String text = toString().replace('T', ' ');
        if (offsetSeconds == null) {
            return text;
        }
        return offsetSeconds == 0 ? text.substring(0, text.length() - 1) + "+00:00" : text;
    }

    private static StringBuilder two(StringBuilder out, int value) {
        if (value < 10) {
            out.append('0');
        }
        return out.append(value);
    }
}
