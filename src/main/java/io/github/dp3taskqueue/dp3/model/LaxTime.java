package io.github.dp3taskqueue.dp3.model;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.dp3taskqueue.dp3.time.Dp3DateTime;
import io.github.dp3taskqueue.dp3.time.Dp3Time;

/**
 * pydantic's datetime coercion (speedate): ISO 8601 text, a date alone, or a Unix time in seconds
 * or (above 2·10^10) milliseconds, as a {@link Dp3Time}: with the offset given, naive without one;
 * a Unix time is UTC.
 */
final class LaxTime {

    private static final Pattern DATE_PART = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)");
    private static final double MS_WATERSHED = 2e10;
    private static final long MIN_SECOND = LocalDateTime.of(1, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long MAX_SECOND = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);

    private LaxTime() {
    }

    static Object datetime(JsonNode in, Problems p) {
        if (in.isTextual()) {
            String text = in.textValue();
            Object parsed = text(text);
            if (parsed != null) {
                return parsed;
            }
            if (NUMBER.matcher(text).matches()) {
                Object value = unix(Double.parseDouble(text));
                if (value != null) {
                    return value;
                }
            }
            p.add("datetime_from_date_parsing", "Input should be a valid datetime or date, " + reason(text), in);
            return Lax.INVALID;
        }
        if (in.isNumber()) {
            Object value = in.isIntegralNumber() && in.canConvertToLong()
                    ? unix(in.longValue(), 0, Math.abs((double) in.longValue()) > MS_WATERSHED)
                    : unix(in.doubleValue());
            if (value != null) {
                return value;
            }
            p.add("datetime_parsing",
                    "Input should be a valid datetime, dates after 9999 are not supported as unix timestamps", in);
            return Lax.INVALID;
        }
        p.add("datetime_type", "Input should be a valid datetime", in);
        return Lax.INVALID;
    }

    /** speedate's reason: a date part whose month or day is out of range says so; anything else is generic. */
    private static String reason(String text) {
        if (text.length() < 10) {
            return "input is too short";
        }
        if (DATE_PART.matcher(text).lookingAt()) {
            int year = Integer.parseInt(text.substring(0, 4));
            int month = Integer.parseInt(text.substring(5, 7));
            int day = Integer.parseInt(text.substring(8, 10));
            if (month < 1 || month > 12) {
                return "month value is outside expected range of 1-12";
            }
            if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
                return "day value is outside expected range";
            }
        }
        return "invalid character or value";
    }

    /**
     * ISO text, or {@code null}: {@code YYYY-MM-DD}, optionally followed by {@code T}, {@code t},
     * {@code _} or a space, {@code HH:MM}, optional {@code :SS} with an optional fraction ({@code .}
     * or {@code ,}, any length, truncated to microseconds), and an optional {@code Z}/{@code z} or
     * {@code ±HH:MM}/{@code ±HHMM} offset. Read by hand: a regular expression cost more than the rest
     * of a data point's validation.
     */
    static Object text(String t) {
        int n = t.length();
        if (n < 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
            return null;
        }
        int year = Dp3DateTime.digits(t, 0, 4);
        int month = Dp3DateTime.digits(t, 5, 2);
        int day = Dp3DateTime.digits(t, 8, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        if (day > 28 && day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        if (n == 10) {
            return new Dp3Time(LocalDateTime.of(year, month, day, 0, 0), null);
        }
        char separator = t.charAt(10);
        if ((separator != 'T' && separator != 't' && separator != '_' && separator != ' ') || n < 16
                || t.charAt(13) != ':') {
            return null;
        }
        int hour = Dp3DateTime.digits(t, 11, 2);
        int minute = Dp3DateTime.digits(t, 14, 2);
        int second = 0;
        int nanos = 0;
        int i = 16;
        if (i < n && t.charAt(i) == ':') {
            second = Dp3DateTime.digits(t, 17, 2);
            i = 19;
            if (i < n && (t.charAt(i) == '.' || t.charAt(i) == ',')) {
                int start = ++i;
                while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                    if (i - start < 6) {
                        nanos = nanos * 10 + (t.charAt(i) - '0');
                    }
                    i++;
                }
                if (i == start) {
                    return null;
                }
                for (int k = Math.min(i - start, 6); k < 6; k++) {
                    nanos *= 10;
                }
                nanos *= 1000;
            }
        }
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
        if (i == n) {
            return new Dp3Time(local, null);
        }
        char c = t.charAt(i);
        if ((c == 'Z' || c == 'z') && i + 1 == n) {
            return Dp3Time.utc(local);
        }
        if (c != '+' && c != '-') {
            return null;
        }
        int oh = Dp3DateTime.digits(t, i + 1, 2);
        int om;
        if (i + 6 == n && t.charAt(i + 3) == ':') {
            om = Dp3DateTime.digits(t, i + 4, 2);
        } else if (i + 5 == n) {
            om = Dp3DateTime.digits(t, i + 3, 2);
        } else {
            return null;
        }
        if (oh < 0 || oh > 23 || om < 0 || om > 59) {
            return null;
        }
        return new Dp3Time(local, (oh * 3600 + om * 60) * (c == '-' ? -1 : 1));
    }

    /** speedate: whole seconds by floor, the fraction's magnitude rounded to microseconds. */
    private static Object unix(double ts) {
        if (Double.isNaN(ts) || Double.isInfinite(ts) || Math.abs(ts) > 9.2e18) {
            return null;
        }
        double floor = Math.floor(ts);
        double fraction = Math.abs(ts - (ts < 0 ? Math.ceil(ts) : floor));
        long micro = Math.round(fraction * 1_000_000.0);
        return unix((long) floor, micro, Math.abs(ts) > MS_WATERSHED);
    }

    private static Object unix(long ts, long micro, boolean milliseconds) {
        long seconds = ts;
        if (milliseconds) {
            seconds = Math.floorDiv(ts, 1000);
            micro = Math.floorMod(ts, 1000) * 1000 + micro / 1000;
        }
        seconds += micro / 1_000_000;
        micro %= 1_000_000;
        if (seconds < MIN_SECOND || seconds > MAX_SECOND) {
            return null;
        }
        return Dp3Time.utc(LocalDateTime.ofEpochSecond(seconds, (int) micro * 1000, ZoneOffset.UTC));
    }
}
