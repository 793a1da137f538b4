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

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compact JSON text exactly as DP3 (pydantic-core) writes it: no spaces, non-ASCII characters
 * raw, control characters as {@code \}{@code u00xx} in lower case, floats in ryu's shortest form.
 * Jackson's generator differs in the escapes and the floats, hence this small writer.
 */
public final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    public static StringBuilder string(StringBuilder out, String value) {
        out.append('"');
        int length = value.length();
        int plainFrom = 0;
        for (int i = 0; i < length; i++) {
            char ch = value.charAt(i);
            if (ch >= 0x20 && ch != '"' && ch != '\\' && !loneSurrogate(value, i)) {
                continue;
            }
            out.append(value, plainFrom, i);
            plainFrom = i + 1;
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append("\\u").append(HEX[ch >> 12]).append(HEX[ch >> 8 & 0xF])
                        .append(HEX[ch >> 4 & 0xF]).append(HEX[ch & 0xF]);
            }
        }
        return out.append(value, plainFrom, length).append('"');
    }

    /**
     * Whether the char at {@code i} is half of no surrogate pair: it has no UTF-8 form, so it is
     * written as its escape (only DP3's API form can hold one; DP3's worker form refuses it).
     */
    private static boolean loneSurrogate(String value, int i) {
        char ch = value.charAt(i);
        if (!Character.isSurrogate(ch)) {
            return false;
        }
        return Character.isHighSurrogate(ch) ? i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))
                : i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
    }

    /** Any JSON value; numbers as Python keeps them (integers exact, floats as floats). */
    public static StringBuilder value(StringBuilder out, JsonNode node) {
        switch (node.getNodeType()) {
            case STRING -> string(out, node.textValue());
            case NUMBER -> number(out, node);
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL, MISSING -> out.append("null");
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    value(out, node.get(i));
                }
                out.append(']');
            }
            case OBJECT -> {
                out.append('{');
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                boolean first = true;
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(out, field.getKey()).append(':');
                    value(out, field.getValue());
                }
                out.append('}');
            }
            default -> out.append(node.toString());
        }
        return out;
    }

    static StringBuilder number(StringBuilder out, JsonNode number) {
        if (number.isInt() || number.isLong()) {
            return out.append(number.longValue()); // no BigInteger for the common case
        }
        if (number.isIntegralNumber()) {
            return out.append(number.bigIntegerValue());
        }
        return floatNumber(out, number);
    }

    /** A number written as a float, as pydantic writes a {@code float} field ({@code 1} as {@code 1.0}). */
    public static StringBuilder floatNumber(StringBuilder out, JsonNode number) {
        if ((number.isBigDecimal() || number.isIntegralNumber()) && Double.isFinite(number.doubleValue())) {
            return out.append(FloatFormat.json(number.decimalValue()));
        }
        return floatValue(out, number.doubleValue());
    }

    /**
     * A float as pydantic writes it, except NaN and the infinities: pydantic writes them as
     * {@code null}, which DP3's worker then reads as None (and refuses for a {@code float}); they are
     * written as Python's {@code json} writes them ({@code NaN}, {@code Infinity},
     * {@code -Infinity}), which DP3's worker reads back as the same float (MODEL.md §7.1).
     */
    public static StringBuilder floatValue(StringBuilder out, double value) {
        if (Double.isFinite(value)) {
            return out.append(FloatFormat.json(value));
        }
        return out.append(Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
    }

    static StringBuilder key(StringBuilder out, String name) {
        return out.append('"').append(name).append("\":");
    }

}
