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
package io.github.dp3taskqueue.dp3.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * Writes doubles the way DP3's two sides do. Bodies are written by pydantic-core, whose floats
 * are the shortest digits with an explicit exponent sign ({@code 1e+16}, {@code 1e-7}, {@code 0.00001}); routing keys
 * are
 * built with Python's {@code str()}, whose floats follow {@code repr} ({@code 1e+16},
 * {@code 1e-05}). Both print the shortest digits that read back as the same double, which
 * {@link Double#toString} does not guarantee before JDK 19.
 */
public final class FloatFormat {

    /** The range where {@link NumberOutput#toString(double, boolean)} writes no exponent. */
    private static final double PLAIN_FROM = 1e-3;
    private static final double PLAIN_BELOW = 1e7;

    private FloatFormat() {
    }

    /** The float as pydantic-core writes it into JSON ({@code null} for NaN and infinities). */
    public static String json(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        return format(value, -5, false);
    }

    /** The float as Python's {@code str()} prints it. */
    public static String python(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return format(value, -4, true);
    }

    /**
     * @param lowestFixed the decimal-point position at or below which the exponent form is used
     *                    (-5 for ryu, -4 for Python); both use it above position 16
     */
    private static String format(double value, int lowestFixed, boolean pythonExponent) {
        if (Math.abs(value) >= PLAIN_FROM && Math.abs(value) < PLAIN_BELOW) {
            // Schubfach's plain form (1e-3 <= |value| < 1e7) is already the shortest, closest digits
            // laid out as Python and pydantic lay them out (both use the fixed form there)
            return NumberOutput.toString(value, true);
        }
        return bySearch(value, lowestFixed, pythonExponent);
    }

    /** The general case: the shortest decimal searched for, then laid out (package-private for a test). */
    static String bySearch(double value, int lowestFixed, boolean pythonExponent) {
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        double abs = Math.abs(value);
        String text = abs == 0 ? "0.0" : layout(shortest(abs), lowestFixed, pythonExponent);
        return negative ? "-" + text : text;
    }

    /**
     * The shortest decimal (closest to the exact value) that reads back as {@code value} (> 0), as
     * Python's {@code repr} and pydantic choose it. The digits come from Jackson's Schubfach writer
     * (shortest and closest, as JDK 19's {@code Double.toString}); it never gives fewer than two
     * significant digits, so a two-digit result is checked for a one-digit form that also reads back
     * ({@code 4.9E-324} is Python's {@code 5e-324}).
     */
    static BigDecimal shortest(double value) {
        BigDecimal candidate = new BigDecimal(NumberOutput.toString(value, true)).stripTrailingZeros();
        if (candidate.precision() == 2) {
            BigDecimal one = candidate.round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (one.doubleValue() == value) {
                return one.stripTrailingZeros();
            }
        }
        return candidate;
    }

    /**
     * The shortest decimal for a number as it was written in JSON. A decimal of at most 15
     * significant digits is already the shortest form of its double (15 digits always round-trip),
     * so the common case needs no search.
     */
    static BigDecimal shortest(BigDecimal written) {
        BigDecimal stripped = written.stripTrailingZeros();
        if (stripped.precision() <= 15) {
            double d = stripped.doubleValue();
            if (!Double.isInfinite(d) && (d != 0 || stripped.signum() == 0)) {
                return stripped;
            }
        }
        return shortest(Math.abs(written.doubleValue()));
    }

    /** {@link #json(double)} for a number given as decimal text, without a needless search. */
    public static String json(BigDecimal written) {
        double d = written.doubleValue();
        if (Double.isInfinite(d) || d == 0) {
            return json(d);
        }
        String text = layout(shortest(written.abs()), -5, false);
        return written.signum() < 0 ? "-" + text : text;
    }

    /** Lays out a positive shortest decimal in fixed or exponent form. */
    private static String layout(BigDecimal shortest, int lowestFixed, boolean pythonExponent) {
        String digits = shortest.unscaledValue().toString();
        int point = digits.length() - shortest.scale(); // value = 0.digits * 10^point
        StringBuilder out = new StringBuilder(24);
        if (point > lowestFixed && point <= 16) {
            if (point <= 0) {
                out.append("0.").append("0".repeat(-point)).append(digits);
            } else if (point >= digits.length()) {
                out.append(digits).append("0".repeat(point - digits.length())).append(".0");
            } else {
                out.append(digits, 0, point).append('.').append(digits, point, digits.length());
            }
            return out.toString();
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        int exponent = point - 1;
        out.append('e');
        if (pythonExponent) {
            out.append(exponent < 0 ? '-' : '+');
            int absExponent = Math.abs(exponent);
            if (absExponent < 10) {
                out.append('0');
            }
            out.append(absExponent);
        } else {
            // pydantic-core: a sign always, no zero padding (1e+16, 1e-7)
            out.append(exponent < 0 ? "" : "+").append(exponent);
        }
        return out.toString();
    }
}
