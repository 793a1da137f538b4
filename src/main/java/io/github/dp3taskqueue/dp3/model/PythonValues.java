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
