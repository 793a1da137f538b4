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

import java.math.BigDecimal;
import java.math.BigInteger;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.dp3taskqueue.dp3.json.JsonValues;

/**
 * The task-level eid as DP3 converts it (MODEL.md §2): by calling the id type's Python type on the
 * JSON value ({@code str(x)}, {@code int(x)}, {@code IPv4Address(x)}, ...), which is laxer than a
 * data point's eid and raises plain Python exceptions for some inputs.
 */
final class TaskEid {

    /** A Python exception other than {@code ValueError}: DP3's validation does not turn it into an error list. */
    static final class Uncaught extends Exception {
        private static final long serialVersionUID = 1L;
        final String pythonType;

        Uncaught(String pythonType, String message) {
            super(message, null, false, false);
            this.pythonType = pythonType;
        }
    }

    private TaskEid() {
    }

    /**
     * The canonical eid ({@code String}, {@code Long} or {@code BigInteger}), or {@link Lax#INVALID} after a {@code
     * value_error}.
     */
    static Object convert(IdType type, JsonNode in, Problems p) throws Uncaught {
        String error;
        switch (type) {
            case STRING :
                return PythonText.str(in);
            case INT :
                if (in.isIntegralNumber()) {
                    return small(in.bigIntegerValue());
                }
                if (in.isBoolean()) {
                    return in.booleanValue() ? 1L : 0L;
                }
                if (in.isDouble()) {
                    double d = in.doubleValue();
                    if (Double.isInfinite(d)) {
                        throw new Uncaught("OverflowError", "cannot convert float infinity to integer");
                    }
                    if (Double.isNaN(d)) {
                        error = "cannot convert float NaN to integer";
                        break;
                    }
                    return small(new BigDecimal(d).toBigInteger());
                }
                if (in.isTextual()) {
                    BigInteger value = pythonInt(in.textValue());
                    if (value != null) {
                        return small(value);
                    }
                    error = "invalid literal for int() with base 10: " + PythonText.repr(in);
                    break;
                }
                throw new Uncaught("TypeError",
                        "int() argument must be a string, a bytes-like object or a real number, not '"
                                + pythonTypeName(in) + "'");
            case IPV4 :
            case IPV6 :
                String canonical = null;
                BigInteger number = in.isIntegralNumber() ? in.bigIntegerValue()
                        : in.isBoolean() ? BigInteger.valueOf(in.booleanValue() ? 1 : 0) : null;
                if (number != null) {
                    canonical = type == IdType.IPV4 ? Ipv6Text.ipv4(number) : Ipv6Text.ipv6(number);
                } else {
                    String text = PythonText.str(in);
                    try {
                        canonical = text.indexOf('/') >= 0 ? null
                                : type == IdType.IPV4 ? Ipv6Text.ipv4(text) : Ipv6Text.ipv6(text);
                    } catch (IllegalArgumentException e) {
                        canonical = null;
                    }
                }
                if (canonical != null) {
                    return canonical;
                }
                error = PythonText.repr(in) + " does not appear to be an " + (type == IdType.IPV4 ? "IPv4" : "IPv6")
                        + " address";
                break;
            default :
                if (!in.isTextual()) {
                    throw new Uncaught("TypeError", "Expected str or bytes, got <class '" + pythonTypeName(in) + "'>");
                }
                error = MacText.problem(in.textValue());
                if (error == null) {
                    return MacText.canonical(in.textValue());
                }
        }
        p.add("value_error", "Value error, " + error, in);
        return Lax.INVALID;
    }

    private static Object small(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    /**
     * Python's {@code int(str)}: white space around, a sign, Unicode decimal digits with single underscores between
     * them.
     */
    private static BigInteger pythonInt(String text) {
        String s = text.strip();
        int i = 0;
        StringBuilder digits = new StringBuilder(s.length());
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            digits.append(s.charAt(0));
            i = 1;
        }
        boolean lastDigit = false;
        int count = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_' && lastDigit && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                lastDigit = false;
                continue;
            }
            if (!Character.isDigit(c)) {
                return null;
            }
            digits.append(Character.digit(c, 10));
            lastDigit = true;
            count++;
        }
        if (count == 0 || count > JsonValues.MAX_NUMBER_LENGTH) {
            return null;
        }
        return new BigInteger(digits.toString());
    }

    static String pythonTypeName(JsonNode in) {
        return switch (in.getNodeType()) {
            case NULL, MISSING -> "NoneType";
            case ARRAY -> "list";
            case OBJECT -> "dict";
            case BOOLEAN -> "bool";
            case STRING -> "str";
            default -> in.isIntegralNumber() ? "int" : "float";
        };
    }
}
