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

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.dp3taskqueue.dp3.json.FloatFormat;
import io.github.dp3taskqueue.dp3.time.Dp3Time;

/**
 * Python's {@code str()} and {@code repr()} of JSON values. DP3 converts a {@code string} entity's
 * task-level eid with {@code str(x)}, so {@code 123} becomes {@code "123"} and {@code [1,"a"]}
 * becomes {@code "[1, 'a']"}; the same text shortens offending values in error messages.
 */
public final class PythonText {

    private PythonText() {
    }

    /** {@code str(value)}. */
    public static String str(JsonNode value) {
        return value.isTextual() ? value.textValue() : repr(value);
    }

    /** {@code repr(value)}. */
    public static String repr(Object value) {
        StringBuilder out = new StringBuilder();
        repr(out, value);
        return out.toString();
    }

    /** {@code repr} cut to 80 characters, for messages. */
    static String shortRepr(Object value) {
        String text = repr(value);
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    private static void repr(StringBuilder out, Object value) {
        if (value instanceof JsonNode node) {
            node(out, node);
        } else if (value == null) {
            out.append("None");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Double d) {
            out.append(FloatFormat.python(d));
        } else if (value instanceof Boolean b) {
            out.append(b ? "True" : "False");
        } else if (value instanceof Dp3Time time) {
            out.append("'").append(time).append("'");
        } else {
            out.append(value);
        }
    }

    private static void node(StringBuilder out, JsonNode node) {
        switch (node.getNodeType()) {
            case NULL, MISSING -> out.append("None");
            case BOOLEAN -> out.append(node.booleanValue() ? "True" : "False");
            case STRING -> string(out, node.textValue());
            case NUMBER -> out.append(node.isIntegralNumber() ? node.bigIntegerValue().toString()
                    : FloatFormat.python(node.doubleValue()));
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    node(out, node.get(i));
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
                        out.append(", ");
                    }
                    first = false;
                    string(out, field.getKey());
                    out.append(": ");
                    node(out, field.getValue());
                }
                out.append('}');
            }
            default -> out.append(node);
        }
    }

    private static void string(StringBuilder out, String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        for (int i = 0; i < s.length();) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                out.append('\\').append((char) cp);
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (printable(cp)) {
                out.appendCodePoint(cp);
            } else if (cp <= 0xFF) {
                out.append(String.format("\\x%02x", cp));
            } else if (cp <= 0xFFFF) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.append(String.format("\\U%08x", cp));
            }
        }
        out.append(quote);
    }

    /** Python's {@code str.isprintable} for one code point: not Other (C*) nor Separator (Z*), but space. */
    private static boolean printable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR ->
                false;
            default -> true;
        };
    }
}
