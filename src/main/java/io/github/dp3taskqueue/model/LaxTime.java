package io.github.dp3taskqueue.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * pydantic's datetime coercion (speedate): ISO 8601 text, a date alone, or a Unix time in seconds
 * or (above 2·10^10) milliseconds. A value with an offset is an {@link OffsetDateTime}; one without
 * stays a naive {@link LocalDateTime}; a Unix time is UTC.
 */
final class LaxTime {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[Tt_ ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?"
                    + "(?:([Zz])|([+-])(\\d{2}):?(\\d{2}))?)?");
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
                    ? unix(in.longValue(), 0, Math.abs((double) in.longValue()) > MS_WATERSHED) : unix(in.doubleValue());
            if (value != null) {
                return value;
            }
            p.add("datetime_parsing", "Input should be a valid datetime, dates after 9999 are not supported as unix timestamps", in);
            return Lax.INVALID;
        }
        p.add("datetime_type", "Input should be a valid datetime", in);
        return Lax.INVALID;
    }

    private static String reason(String text) {
        return text.length() < 10 ? "input is too short" : "invalid character or value";
    }

    /** ISO text, or {@code null}. */
    static Object text(String text) {
        Matcher m = ISO.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (m.group(4) == null) {
                return date.atStartOfDay();
            }
            int hour = Integer.parseInt(m.group(4));
            int minute = Integer.parseInt(m.group(5));
            int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            int micro = 0;
            if (m.group(7) != null) {
                String digits = (m.group(7) + "000000").substring(0, 6);
                micro = Integer.parseInt(digits);
            }
            if (hour > 23 || minute > 59 || second > 59 || date.getYear() < 1) {
                return null;
            }
            LocalDateTime local = date.atTime(hour, minute, second, micro * 1000);
            if (m.group(8) != null) {
                return local.atOffset(ZoneOffset.UTC);
            }
            if (m.group(9) != null) {
                int oh = Integer.parseInt(m.group(10));
                int om = Integer.parseInt(m.group(11));
                if (oh > 23 || om > 59) {
                    return null;
                }
                int seconds = (oh * 3600 + om * 60) * ("-".equals(m.group(9)) ? -1 : 1);
                return local.atOffset(ZoneOffset.ofTotalSeconds(seconds));
            }
            return local;
        } catch (DateTimeException e) {
            return null;
        }
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
        return LocalDateTime.ofEpochSecond(seconds, (int) micro * 1000, ZoneOffset.UTC).atOffset(ZoneOffset.UTC);
    }
}
