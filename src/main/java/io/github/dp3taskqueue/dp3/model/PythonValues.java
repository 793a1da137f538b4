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

/** Python's {@code ==} between a JSON value and a Java value (numbers by value across bool, int and float). */
final class PythonValues {

    private PythonValues() {
    }

    static boolean equal(JsonNode in, Object value) {
        if (value instanceof String s) {
            return in.isTextual() && in.textValue().equals(s);
        }
        BigDecimal left = number(in);
        BigDecimal right = number(value);
        return left != null && right != null && left.compareTo(right) == 0;
    }

    private static BigDecimal number(Object value) {
        if (value instanceof JsonNode node) {
            if (node.isBoolean()) {
                return node.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO;
            }
            if (node.isIntegralNumber()) {
                return new BigDecimal(node.bigIntegerValue());
            }
            if (node.isDouble()) {
                double d = node.doubleValue();
                return Double.isNaN(d) || Double.isInfinite(d) ? null : new BigDecimal(d);
            }
            return null;
        }
        if (value instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (value instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof Double d) {
            return Double.isNaN(d) || Double.isInfinite(d) ? null : new BigDecimal(d);
        }
        return null;
    }
}
