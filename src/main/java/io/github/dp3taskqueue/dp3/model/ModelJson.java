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

import io.github.dp3taskqueue.dp3.json.FloatFormat;
import io.github.dp3taskqueue.dp3.json.JsonText;
import io.github.dp3taskqueue.dp3.time.Dp3Time;

/**
 * Writes a validated task as DP3's {@code as_message()} does (MODEL.md §4), with two deliberate
 * differences where DP3's own bytes would not be accepted by DP3 again: a {@code special} value
 * that validated to null is written {@code "v":null} (DP3 drops the key, and then refuses the task
 * for the missing {@code v}), a {@code json} null as {@code "v":"null"} (the JSON text of null,
 * which DP3 reads back as null); and an {@code array<mac>} or {@code set<mac>} value is written as
 * its canonical MAC texts (DP3's serialiser fails on it).
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
        if (p.v() instanceof JsonNode node && node.isNull()) {
            out.append(type == Primitive.JSON ? "\"null\"" : "null");
        } else {
            value(out, p.v());
        }
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
            out.append(FloatFormat.json(d));
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
