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

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * {@link Dp3Time}'s text: read as pydantic's speedate reads it and written as pydantic writes
 * it, by hand: a regular expression or a {@code DateTimeFormatter} cost more than the rest of a
 * data point's validation.
 */
final class TimeText {

    /** Above this a Unix time is in milliseconds (speedate's rule). */
    static final double MS_WATERSHED = 2e10;
    private static final long MIN_SECOND = LocalDateTime.of(1, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long MAX_SECOND = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);

    private TimeText() {
    }

    /** See {@link Dp3Time#parse}: the fraction, of any length, truncated to microseconds. */
    static Dp3Time parse(String t) {
        int n = t.length();
        if (n < 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
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
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = 0;
        int nanos = 0;
        int i = 16;
        if (i < n && t.charAt(i) == ':') {
            second = digits(t, 17, 2);
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
        int oh = digits(t, i + 1, 2);
        int om;
        if (i + 6 == n && t.charAt(i + 3) == ':') {
            om = digits(t, i + 4, 2);
        } else if (i + 5 == n) {
            om = digits(t, i + 3, 2);
        } else {
            return null;
        }
        if (oh < 0 || oh > 23 || om < 0 || om > 59) {
            return null;
        }
        return new Dp3Time(local, (oh * 3600 + om * 60) * (c == '-' ? -1 : 1));
    }

    /** speedate: whole seconds by floor, the fraction's magnitude rounded to microseconds. */
    static Dp3Time unix(double ts) {
        if (Double.isNaN(ts) || Double.isInfinite(ts) || Math.abs(ts) > 9.2e18) {
            return null;
        }
        double floor = Math.floor(ts);
        double fraction = Math.abs(ts - (ts < 0 ? Math.ceil(ts) : floor));
        long micro = Math.round(fraction * 1_000_000.0);
        return unix((long) floor, micro, Math.abs(ts) > MS_WATERSHED);
    }

    static Dp3Time unix(long ts, long micro, boolean milliseconds) {
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

    /** See {@link Dp3Time#isWritten}, for a text that {@link #parse} accepted. */
    static boolean isWritten(String t, boolean naive) {
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

    /**
     * Writes a datetime as DP3 does: {@code Z} for UTC, {@code ±HH:MM} for another offset, nothing
     * for a naive one ({@code offsetSeconds} null).
     */
    static StringBuilder append(StringBuilder out, LocalDateTime local, Integer offsetSeconds) {
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

    /** The decimal value of {@code count} ASCII digits at {@code from}, or -1 (also when the text is shorter). */
    private static int digits(String text, int from, int count) {
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

    private static StringBuilder two(StringBuilder out, int value) {
        if (value < 10) {
            out.append('0');
        }
        return out.append(value);
    }
}
