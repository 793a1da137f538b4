package io.github.dp3taskqueue.dp3.time;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

import io.github.dp3taskqueue.dp3.task.InvalidTaskException;

/**
 * DP3's datetimes: read any ISO 8601 form, write the one pydantic writes (PROTOCOL.md §6):
 * seconds always, microseconds as six digits when not zero, UTC as {@code Z}, other offsets as
 * {@code +HH:MM}, and no offset for a naive datetime.
 */
public final class Dp3DateTime {

    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            // STRICT: like Python, refuse 2023-02-29 instead of moving it to the 28th
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private Dp3DateTime() {
    }

    /**
     * The canonical text of an ISO 8601 datetime (a date alone means its midnight).
     *
     * @throws InvalidTaskException naming {@code field} when the text is not a datetime
     */
    public static String canonical(String text, String field) {
        String fast = canonicalFast(text);
        if (fast != null) {
            return fast;
        }
        String trimmed = text.trim();
        try {
            if (trimmed.length() == 10) {
                return write(LocalDate.parse(trimmed).atStartOfDay(), (Integer) null);
            }
            TemporalAccessor parsed = LENIENT.parse(trimmed);
            LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed), LocalTime.from(parsed));
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed) : null;
            return write(local, offset);
        } catch (DateTimeException e) {
            throw new InvalidTaskException(field + " must be an ISO 8601 datetime; got '" + text + "'", e);
        }
    }

    /**
     * The common forms ({@code YYYY-MM-DDTHH:MM:SS[.fraction][Z|+HH:MM]}) without
     * {@link DateTimeFormatter}, whose optional sections cost more than the rest of a task's
     * parsing; {@code null} for anything else, which the full parser then handles.
     */
    private static String canonicalFast(String t) {
        int n = t.length();
        if (n < 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || (t.charAt(10) != 'T' && t.charAt(10) != ' ')
                || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && t.charAt(i) == '.') {
            int start = ++i;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
            }
            int length = i - start;
            if (length < 1 || length > 9) {
                return null;
            }
            nanos = Integer.parseInt(t.substring(start, i)) * (int) Math.pow(10, 9 - length);
        }
        ZoneOffset offset = null;
        if (i < n) {
            char c = t.charAt(i);
            if ((c == 'Z' || c == 'z') && i == n - 1) {
                offset = ZoneOffset.UTC;
            } else if ((c == '+' || c == '-') && i + 6 == n && t.charAt(i + 3) == ':') {
                int oh = digits(t, i + 1, 2);
                int om = digits(t, i + 4, 2);
                if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                    return null;
                }
                try {
                    offset = ZoneOffset.ofHoursMinutes(c == '-' ? -oh : oh, c == '-' ? -om : om);
                } catch (DateTimeException e) {
                    return null;
                }
            } else {
                return null;
            }
        }
        if (day > 28 && day > YearMonth.of(year, month).lengthOfMonth()) {
            return null; // the full parser names the error
        }
        // most producers already write DP3's form: then the text itself is the answer
        return isWritten(t, true) ? t : write(LocalDateTime.of(year, month, day, hour, minute, second, nanos), offset);
    }

    /**
     * Whether a datetime text that was read as a valid datetime is already what DP3 writes for its
     * value: {@code T} between date and time, seconds, a fraction only of six digits and not zero,
     * {@code Z} or a {@code ±HH:MM} offset other than zero, or no offset when {@code naive} values
     * are written as such (DP3's aware datetimes give a naive value {@code Z}).
     */
    public static boolean isWritten(String t, boolean naive) {
        int n = t.length();
        if (n < 19 || t.charAt(10) != 'T' || t.charAt(16) != ':') {
            return false;
        }
        int i = 19;
        if (i < n && t.charAt(i) == '.') {
            if (digits(t, 20, 6) <= 0) {
                return false; // fewer than six digits, or zero (a seventh is not followed by the offset)
            }
            i = 26;
        }
        if (i == n) {
            return naive;
        }
        char c = t.charAt(i);
        if (c == 'Z') {
            return i + 1 == n;
        }
        return (c == '+' || c == '-') && i + 6 == n && t.charAt(i + 3) == ':' && !t.startsWith("00:00", i + 1);
    }

    /** The decimal value of {@code count} ASCII digits at {@code from}, or -1 (also when the text is shorter). */
    public static int digits(String text, int from, int count) {
        if (from + count > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Writes a datetime as DP3 does. */
    public static String write(OffsetDateTime time) {
        return write(time.toLocalDateTime(), time.getOffset().getTotalSeconds());
    }

    private static String write(LocalDateTime local, ZoneOffset offset) {
        return write(local, offset == null ? null : offset.getTotalSeconds());
    }

    /**
     * Writes a datetime as DP3 does: {@code Z} for UTC, {@code ±HH:MM} for another offset (Python
     * allows up to ±23:59), nothing for a naive one ({@code offsetSeconds} null).
     */
    public static String write(LocalDateTime local, Integer offsetSeconds) {
        return append(new StringBuilder(32), local, offsetSeconds).toString();
    }

    /** {@link #write(LocalDateTime, Integer)} onto {@code out}. */
    public static StringBuilder append(StringBuilder out, LocalDateTime local, Integer offsetSeconds) {
        int year = local.getYear(); // Python's years are 1 to 9999: four digits
        if (year < 0 || year > 9999) {
            out.append(local.toLocalDate()).append('T');
        } else {
            two(two(out, year / 100), year % 100).append('-');
            two(out, local.getMonthValue()).append('-');
            two(out, local.getDayOfMonth()).append('T');
        }
        two(out, local.getHour()).append(':');
        two(out, local.getMinute()).append(':');
        two(out, local.getSecond());
        int micros = local.getNano() / 1000;
        if (micros != 0) {
            two(two(two(out.append('.'), micros / 10000), micros / 100 % 100), micros % 100);
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
        return out;
    }

    private static StringBuilder two(StringBuilder out, int value) {
        if (value < 10) {
            out.append('0');
        }
        return out.append(value);
    }
}
