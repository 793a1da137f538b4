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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.dp3taskqueue.dp3.json.JsonText;
import io.github.dp3taskqueue.dp3.time.Dp3Time;

/**
 * Writes a validated task as DP3's {@code as_message()} does (MODEL.md §4), byte for byte, except
 * where DP3's own bytes would lose the task (MODEL.md §7.1): a NaN or an infinity is written as
 * {@code NaN}/{@code Infinity}/{@code -Infinity} (DP3 writes {@code null}); a {@code json} value that
 * is not an object or an array as its JSON text; a {@code special} or {@code json} value that
 * validated to null as {@code "v":null} or {@code "v":"null"} (DP3 drops the key); an
 * {@code array<mac>} or {@code set<mac>} value as its canonical MAC texts (DP3's serialiser fails).
 */
public final class ModelJson {

    private ModelJson() {
    }

    static byte[] write(ValidatedTask task, EntitySpec entity) {
        StringBuilder out = new StringBuilder(1024); // DP3 tasks are typically a few hundred bytes
        // etype and eid open the task and every data point: written once
        StringBuilder head = new StringBuilder(64).append("{\"etype\":");
        JsonText.string(head, task.etype()).append(",\"eid\":");
        value(head, task.eid());
        out.append(head);
        List<ValidatedPoint> points = task.points();
        if (!points.isEmpty()) {
            out.append(",\"data_points\":[");
            for (int i = 0; i < points.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                ValidatedPoint point = points.get(i);
                point(out, head, point, entity.attributes().get(point.attr()).dataType());
            }
            out.append(']');
        }
        JsonNode tags = task.tags();
        if (tags != null && tags.size() > 0) {
            out.append(",\"tags\":");
            value(out, tags);
        }
        if (task.ttlGiven() && task.ttlTokens() != null) {
            out.append(",\"ttl_tokens\":");
            value(out, task.ttlTokens());
        }
        if (task.delete()) {
            out.append(",\"delete\":true");
        }
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void point(StringBuilder out, CharSequence head, ValidatedPoint p, DataType type) {
        out.append(head).append(",\"attr\":");
        JsonText.string(out, p.attr());
        if (p.src() != null) {
            out.append(",\"src\":");
            JsonText.string(out, p.src());
        }
        out.append(",\"v\":");
        typed(out, p.v(), type);
        if (p.c() != null && !(p.c() instanceof JsonNode node && node.isNull())) {
            out.append(",\"c\":");
            value(out, p.c());
        }
        if (p.t1() != null) {
            out.append(",\"t1\":");
            value(out, p.t1());
        }
        if (p.t2() != null) {
            out.append(",\"t2\":");
            value(out, p.t2());
        }
        out.append('}');
    }

    /**
     * A validated value of {@code type}: as {@link #value}, but a {@code json} value that is not an
     * object or an array is written as its JSON text ({@code "v":"true"}, {@code "v":"null"}): DP3
     * writes the parsed value, which its worker's {@code Json} type then refuses (MODEL.md §7.1).
     */
    private static void typed(StringBuilder out, Object value, DataType type) {
        if (type == Primitive.JSON && value instanceof JsonNode node && !node.isContainerNode()) {
            JsonText.string(out, JsonText.value(new StringBuilder(), node).toString());
        } else if (type instanceof Composite.ListOf list && value instanceof List<?> items) {
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                typed(out, items.get(i), list.element());
            }
            out.append(']');
        } else if (type instanceof Composite.Dict dict && value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Composite.Key key : dict.keys()) {
                if (map.containsKey(key.name())) {
                    out.append(first ? "" : ",");
                    first = false;
                    JsonText.string(out, key.name()).append(':');
                    typed(out, map.get(key.name()), key.type());
                }
            }
            out.append('}');
        } else if (type instanceof Composite.Link link && value instanceof Composite.LinkValue linked
                && linked.hasData()) {
            out.append("{\"eid\":");
            value(out, linked.eid());
            out.append(",\"data\":");
            typed(out, linked.data(), link.data());
            out.append('}');
        } else {
            value(out, value);
        }
    }

    /** Any validated value. */
    public static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            JsonText.string(out, s);
        } else if (value instanceof Long l) {
            out.append(l.longValue()); // append(Object) would make a String of it first
        } else if (value instanceof Integer || value instanceof BigInteger || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Double d) {
            JsonText.floatValue(out, d);
        } else if (value instanceof Dp3Time time) {
            time.appendTo(out.append('"')).append('"');
        } else if (value instanceof JsonNode node) {
            JsonText.value(out, node);
        } else if (value instanceof Composite.LinkValue link) {
            out.append("{\"eid\":");
            value(out, link.eid());
            if (link.hasData()) {
                out.append(",\"data\":");
                value(out, link.data());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                value(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                JsonText.string(out, (String) entry.getKey()).append(':');
                value(out, entry.getValue());
            }
            out.append('}');
        } else {
            throw new IllegalStateException("not a validated value: " + value.getClass());
        }
    }
}
