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
package io.github.dp3taskqueue.dp3.model;

import java.math.BigInteger;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.dp3taskqueue.dp3.time.Dp3Time;

/**
 * pydantic's lax-mode coercions of one JSON value to a Python scalar type (MODEL.md §3.1), each
 * returning the validated value or {@link #INVALID} after recording pydantic's error.
 */
final class Lax {

    /** Returned by a validator that recorded a problem. */
    static final Object INVALID = new Object() {
        @Override
        public String toString() {
            return "INVALID";
        }
    };

    private static final Set<String> TRUE_WORDS = Set.of("1", "on", "t", "true", "y", "yes");
    private static final Set<String> FALSE_WORDS = Set.of("0", "off", "f", "false", "n", "no");
    private static final Pattern INT_TEXT = Pattern.compile("[+-]?[0-9](_?[0-9])*(\\.0+)?");
    private static final Pattern FLOAT_TEXT = Pattern.compile(
            "[+-]?(inf|infinity|nan|([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[+-]?[0-9]+)?)", Pattern.CASE_INSENSITIVE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Lax() {
    }

    static Object string(JsonNode in, Problems p) {
        if (in.isTextual()) {
            return in.textValue();
        }
        p.add("string_type", "Input should be a valid string", in);
        return INVALID;
    }

    static Object bool(JsonNode in, Problems p) {
        if (in.isBoolean()) {
            return in.booleanValue();
        }
        if (in.isIntegralNumber()) {
            BigInteger value = in.bigIntegerValue();
            if (value.signum() == 0 || value.equals(BigInteger.ONE)) {
                return value.signum() != 0;
            }
            // pydantic reads an int as a 64-bit one first: beyond that it is not a bool at all
            p.add(in.canConvertToLong() ? "bool_parsing" : "bool_type", in.canConvertToLong()
                    ? "Input should be a valid boolean, unable to interpret input" : "Input should be a valid boolean",
                    in);
            return INVALID;
        }
        if (in.isDouble() && (in.doubleValue() == 0.0 || in.doubleValue() == 1.0)) {
            return in.doubleValue() == 1.0;
        }
        if (in.isDouble() && in.doubleValue() == Math.rint(in.doubleValue())
                && in.doubleValue() >= -9.223372036854775808E18
                && in.doubleValue() < 9.223372036854775808E18) {
            p.add("bool_parsing", "Input should be a valid boolean, unable to interpret input", in);
            return INVALID;
        }
        if (in.isTextual()) {
            String word = in.textValue().toLowerCase(Locale.ROOT);
            if (TRUE_WORDS.contains(word)) {
                return Boolean.TRUE;
            }
            if (FALSE_WORDS.contains(word)) {
                return Boolean.FALSE;
            }
            p.add("bool_parsing", "Input should be a valid boolean, unable to interpret input", in);
            return INVALID;
        }
        p.add("bool_type", "Input should be a valid boolean", in);
        return INVALID;
    }

    /** A Python int as {@code Long} when it fits, else {@link BigInteger}. */
    static Object integer(JsonNode in, Problems p) {
        if (in.isIntegralNumber()) {
            return in.canConvertToLong() ? (Object) in.longValue() : in.bigIntegerValue();
        }
        if (in.isBoolean()) {
            return in.booleanValue() ? 1L : 0L;
        }
        if (in.isDouble()) {
            double d = in.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                p.add("finite_number", "Input should be a finite number", in);
            } else if (d != Math.rint(d)) {
                p.add("int_from_float", "Input should be a valid integer, got a number with a fractional part", in);
            } else if (d < -9.223372036854775808E18 || d >= 9.223372036854775808E18) {
                p.add("int_parsing_size", "Unable to parse input string as an integer, exceeded maximum size", in);
            } else {
                return (long) d;
            }
            return INVALID;
        }
        if (in.isTextual()) {
            String text = strip(in.textValue());
            if (INT_TEXT.matcher(text).matches()) {
                int point = text.indexOf('.');
                String digits = (point < 0 ? text : text.substring(0, point)).replace("_", "");
                BigInteger value = new BigInteger(digits);
                return value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0 ? (Object) value.longValue()
                        : value;
            }
            p.add("int_parsing", "Input should be a valid integer, unable to parse string as an integer", in);
            return INVALID;
        }
        p.add("int_type", "Input should be a valid integer", in);
        return INVALID;
    }

    static Object floating(JsonNode in, Problems p) {
        if (in.isDouble()) {
            return in.doubleValue();
        }
        if (in.isIntegralNumber()) {
            double d = in.isBigInteger() ? in.bigIntegerValue().doubleValue() : (double) in.longValue();
            if (Double.isInfinite(d)) {
                p.add("float_type", "Input should be a valid number", in);
                return INVALID;
            }
            return d;
        }
        if (in.isBoolean()) {
            return in.booleanValue() ? 1.0 : 0.0;
        }
        if (in.isTextual()) {
            Double value = floatText(strip(in.textValue()));
            if (value != null) {
                return value;
            }
            p.add("float_parsing", "Input should be a valid number, unable to parse string as a number", in);
            return INVALID;
        }
        p.add("float_type", "Input should be a valid number", in);
        return INVALID;
    }

    /** A number as Rust reads it, after pydantic dropped the underscores between characters. */
    static Double floatText(String text) {
        if (text.indexOf('_') >= 0) {
            if (text.startsWith("_") || text.endsWith("_") || text.contains("__")) {
                return null;
            }
            text = text.replace("_", "");
        }
        if (!FLOAT_TEXT.matcher(text).matches()) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        boolean negative = lower.startsWith("-");
        String body = lower.startsWith("+") || negative ? lower.substring(1) : lower;
        if (body.startsWith("inf")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (body.equals("nan")) {
            return Double.NaN;
        }
        return Double.parseDouble(text); // the pattern leaves only forms Java reads as Rust does
    }

    static Object ipv4(JsonNode in, Problems p) {
        return ip(in, p, false);
    }

    static Object ipv6(JsonNode in, Problems p) {
        return ip(in, p, true);
    }

    /** Text as Python's {@code ipaddress} reads it, or an integer (a bool is one) in range; nothing else. */
    private static Object ip(JsonNode in, Problems p, boolean v6) {
        String canonical = null;
        if (in.isTextual()) {
            try {
                canonical = v6 ? Ipv6Text.ipv6(in.textValue()) : Ipv6Text.ipv4(in.textValue());
            } catch (IllegalArgumentException e) {
                canonical = null;
            }
        } else if (in.isIntegralNumber() || in.isBoolean()) {
            BigInteger value = in.isBoolean() ? BigInteger.valueOf(in.booleanValue() ? 1 : 0) : in.bigIntegerValue();
            canonical = v6 ? Ipv6Text.ipv6(value) : Ipv6Text.ipv4(value);
        }
        if (canonical == null) {
            p.add(v6 ? "ip_v6_address" : "ip_v4_address", "Input is not a valid IPv" + (v6 ? 6 : 4) + " address", in);
            return INVALID;
        }
        return canonical;
    }

    private static final Pattern DATE_PART = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)");

    /**
     * pydantic's datetime coercion: ISO 8601 text, a date alone, or a Unix time in seconds or (above
     * 2·10^10) milliseconds, as a {@link Dp3Time} ({@link Dp3Time#parse}, {@link Dp3Time#ofUnix}):
     * with the offset given, naive without one; a Unix time is UTC.
     */
    static Object datetime(JsonNode in, Problems p) {
        if (in.isTextual()) {
            String text = in.textValue();
            Dp3Time parsed = Dp3Time.parse(text);
            if (parsed != null) {
                return parsed;
            }
            if (NUMBER.matcher(text).matches()) {
                Dp3Time value = Dp3Time.ofUnix(Double.parseDouble(text));
                if (value != null) {
                    return value;
                }
            }
            p.add("datetime_from_date_parsing", "Input should be a valid datetime or date, " + timeReason(text), in);
            return INVALID;
        }
        if (in.isNumber()) {
            Dp3Time value = in.isIntegralNumber() && in.canConvertToLong() ? Dp3Time.ofUnix(in.longValue())
                    : Dp3Time.ofUnix(in.doubleValue());
            if (value != null) {
                return value;
            }
            p.add("datetime_parsing",
                    "Input should be a valid datetime, dates after 9999 are not supported as unix timestamps", in);
            return INVALID;
        }
        p.add("datetime_type", "Input should be a valid datetime", in);
        return INVALID;
    }

    /** speedate's reason: a date part whose month or day is out of range says so; anything else is generic. */
    private static String timeReason(String text) {
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

    static final String MAC_INSTANCE = "is-instance[MACAddress]";
    static final String MAC_FUNCTION = "function-after[_validate(), union[str,bytes]]";

    /** DP3's own {@code MACAddress} type: a union of an instance check and its parser. */
    static Object mac(JsonNode in, Problems p) {
        if (in.isTextual()) {
            String error = MacText.problem(in.textValue());
            if (error == null) {
                return MacText.canonical(in.textValue());
            }
            p.addAt(MAC_INSTANCE, "is_instance_of", "Input should be an instance of MACAddress", in);
            p.addAt(MAC_FUNCTION, "value_error", "Value error, " + error, in);
            return INVALID;
        }
        p.addAt(MAC_INSTANCE, "is_instance_of", "Input should be an instance of MACAddress", in);
        p.push(MAC_FUNCTION);
        p.addAt("str", "string_type", "Input should be a valid string", in);
        p.addAt("bytes", "bytes_type", "Input should be a valid bytes", in);
        p.pop();
        return INVALID;
    }

    /** Rust's {@code str::trim}: Unicode White_Space at both ends. */
    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && whiteSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && whiteSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean whiteSpace(char c) {
        return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A)
                || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
    }
}
