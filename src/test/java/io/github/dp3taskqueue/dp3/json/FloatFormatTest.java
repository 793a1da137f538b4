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

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FloatFormatTest {

    /** The fast path (Schubfach's plain form) writes what the searched layout writes, in both forms. */
    @Test
    void plainRangeFastPathEqualsTheSearch() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            double magnitude = Math.pow(10, -3 + random.nextDouble() * 10); // 1e-3 to 1e7
            double d = (random.nextBoolean() ? -1 : 1)
                    * (i % 3 == 0 ? Math.rint(magnitude * 1000) / 1000 : magnitude);
            if (Math.abs(d) >= 1e-3 && Math.abs(d) < 1e7) {
                assertThat(FloatFormat.json(d)).as("%s", d).isEqualTo(FloatFormat.bySearch(d, -5, false));
                assertThat(FloatFormat.python(d)).as("%s", d).isEqualTo(FloatFormat.bySearch(d, -4, true));
            }
        }
        for (double edge : new double[]{1e-3, 9999999.999999998, 0.001000000000000001, 1.0, 100.0, -0.5}) {
            assertThat(FloatFormat.json(edge)).isEqualTo(FloatFormat.bySearch(edge, -5, false));
        }
    }

    @ParameterizedTest
    @CsvSource({
            // value, pydantic JSON, Python repr
            "1.0, 1.0, 1.0",
            "0.1, 0.1, 0.1",
            "42.5, 42.5, 42.5",
            "1e16, 1e+16, 1e+16",
            "1e15, 1000000000000000.0, 1000000000000000.0",
            "0.0001, 0.0001, 0.0001",
            "0.00001, 0.00001, 1e-05",
            "0.000001, 1e-6, 1e-06",
            "1.5e-7, 1.5e-7, 1.5e-07",
            "123456789012345680000, 1.2345678901234568e+20, 1.2345678901234568e+20",
            "5e-324, 5e-324, 5e-324",
            "1.7976931348623157e308, 1.7976931348623157e+308, 1.7976931348623157e+308",
            "0.30000000000000004, 0.30000000000000004, 0.30000000000000004",
            "2e22, 2e+22, 2e+22",
            "-2.5, -2.5, -2.5",
    })
    void shortestDigitsInBothLayouts(String value, String ryu, String python) {
        double d = Double.parseDouble(value);
        assertThat(FloatFormat.json(d)).isEqualTo(ryu);
        assertThat(FloatFormat.python(d)).isEqualTo(python);
        assertThat(FloatFormat.json(new BigDecimal(value))).isEqualTo(ryu);
    }

    /**
     * The shortest digits, against the plain definition (round the exact value to 1, 2, ... 17
     * digits and keep the first that reads back), over random bit patterns and short decimals.
     */
    @Test
    void shortestDigitsAgreeWithTheDefinition() {
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            double d = i % 2 == 0 ? Math.abs(Double.longBitsToDouble(random.nextLong()))
                    : Math.abs(random.nextInt(100_000) / Math.pow(10, random.nextInt(12))
                            * Math.pow(10, random.nextInt(40) - 20));
            if (d == 0 || Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            assertThat(FloatFormat.shortest(d)).as("%s", d).isEqualTo(bySearch(d));
        }
        for (double d : new double[]{Double.MIN_VALUE, 2 * Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1e23,
                9.5e-5, 5e-324}) {
            assertThat(FloatFormat.shortest(d)).as("%s", d).isEqualTo(bySearch(d));
        }
    }

    private static BigDecimal bySearch(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == value) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
