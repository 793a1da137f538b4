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

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.dp3taskqueue.dp3.model.TaskEid.Uncaught;
import io.github.dp3taskqueue.dp3.time.Dp3Time;

/**
 * DP3's HTTP API form (MODEL.md §5): the body of {@code POST /datapoints}, validated in DP3's two
 * stages (the API's own model, then, for an element that passed it, the attribute's model with
 * the stage-1 values), then grouped into one task per (entity type, canonical eid) in first-seen
 * order. Any invalid element refuses the whole body, with every error located as DP3's API
 * locates it ({@code ["body", i, field]}).
 */
public final class ApiDataPoints {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DataModel model;

    public ApiDataPoints(DataModel model) {
        this.model = model;
    }

    /** The tasks DP3's API would publish for this body, in publish order. */
    public List<ValidatedTask> validate(JsonNode body, String subject) {
        Problems p = new Problems();
        p.push("body");
        if (body == null || body.isNull()) {
            p.add("missing", "Field required", null);
            throw new RefusedTaskException(subject, p.list(), null, null, body);
        }
        if (!body.isArray()) {
            p.add("list_type", "Input should be a valid list", body);
            throw new RefusedTaskException(subject, p.list(), null, null, body);
        }
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            p.push(i);
            Element element = element(body.get(i), p);
            if (element != null) {
                elements.add(element);
            }
            p.pop();
        }
        if (p.count() > 0) {
            throw new RefusedTaskException(subject, p.list(), null, null, body);
        }
        Map<String, List<ValidatedPoint>> groups = new LinkedHashMap<>();
        Map<String, Element> firsts = new LinkedHashMap<>();
        for (Element element : elements) {
            String key = element.entity.id() + ":" + element.point.eid();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(element.point);
            firsts.putIfAbsent(key, element);
        }
        List<ValidatedTask> tasks = new ArrayList<>(groups.size());
        groups.forEach((key, points) -> {
            Element first = firsts.get(key);
            tasks.add(new ValidatedTask(first.entity, first.point.eid(), points, null, null, false, false));
        });
        return tasks;
    }

    private static boolean hasLoneSurrogate(Object value) {
        if (value instanceof String text) {
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (Character.isHighSurrogate(ch) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(ch)) {
                    return true;
                }
            }
            return false;
        }
        if (value instanceof JsonNode node) {
            if (node.isTextual()) {
                return hasLoneSurrogate(node.textValue());
            }
            for (var fields = node.fields(); fields.hasNext();) {
                var field = fields.next();
                if (hasLoneSurrogate(field.getKey()) || hasLoneSurrogate(field.getValue())) {
                    return true;
                }
            }
            if (node.isArray()) {
                for (JsonNode item : node) {
                    if (hasLoneSurrogate(item)) {
                        return true;
                    }
                }
            }
            return false;
        }
        if (value instanceof Collection<?> items) {
            return items.stream().anyMatch(ApiDataPoints::hasLoneSurrogate);
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .anyMatch(e -> hasLoneSurrogate(e.getKey()) || hasLoneSurrogate(e.getValue()));
        }
        if (value instanceof Composite.LinkValue link) {
            return hasLoneSurrogate(link.eid()) || hasLoneSurrogate(link.data());
        }
        return false;
    }

    private record Element(EntitySpec entity, ValidatedPoint point) {
    }

    /**
     * Stage 1, the API's {@code DataPoint} model, then stage 2 when it passed. Where DP3's own code
     * raises instead of reporting (an empty irregular series, naive times against an aware
     * {@code t1}: DP3's API answers 500), or a string holds a lone surrogate (DP3's API cannot
     * write it, and its worker could not read it), the data point is refused as a
     * {@code value_error} at {@code ["body", i]} that names the reason (MODEL.md §7.2).
     */
    private Element element(JsonNode in, Problems p) {
        int before = p.count();
        try {
            Element element = validated(in, p);
            if (element != null && (hasLoneSurrogate(element.point.v()) || hasLoneSurrogate(element.point.src()))) {
                p.add("value_error", "Value error, a string holds a lone surrogate (not Unicode text): DP3 can"
                        + " neither write nor read it", in, Map.of("error", Map.of()));
                return null;
            }
            return element;
        } catch (Uncaught e) {
            while (p.count() > before) {
                p.removeLast(); // what DP3 reports stops where its code raises
            }
            p.add("value_error", "Value error, DP3's own code raises " + e.pythonType + " for this data point ("
                    + e.getMessage() + "): its API answers 500 and its worker drops such a task", in,
                    Map.of("error", Map.of()));
            return null;
        }
    }

    private Element validated(JsonNode in, Problems p) throws Uncaught {
        if (!in.isObject()) {
            p.add("model_attributes_type", "Input should be a valid dictionary or object to extract fields from", in);
            return null;
        }
        int before = p.count();
        Object type = required(in, "type", p, true);
        JsonNode id = in.get("id");
        if (id == null) {
            p.addAt("id", "missing", "Field required", in);
        }
        Object attr = required(in, "attr", p, true);
        JsonNode v = in.get("v");
        if (v == null) {
            p.addAt("v", "missing", "Field required", in);
        }
        Object t1 = time(in.get("t1"), "t1", p);
        Object t2 = t2(in.get("t2"), t1, p);
        Object c = confidence(in.get("c"), p);
        Object src = null;
        JsonNode srcIn = in.get("src");
        if (srcIn != null && !srcIn.isNull()) {
            p.push("src");
            src = Lax.string(srcIn, p);
            p.pop();
        }
        if (p.count() > before) {
            return null;
        }
        AttributeSpec spec = model.attribute((String) type, (String) attr);
        if (spec == null) {
            p.add("value_error",
                    "Value error, Combination of type '" + type + "' and attr '" + attr + "' doesn't exist", in,
                    Map.of("error", Map.of()));
            return null;
        }
        ObjectNode stage1 = NODES.objectNode();
        stage1.put("type", (String) type);
        stage1.set("id", id);
        stage1.put("attr", (String) attr);
        stage1.set("v", v);
        stage1.set("t1", t1 instanceof Dp3Time time ? NODES.textNode(time.isoformat()) : NODES.nullNode());
        stage1.set("t2", t2 instanceof Dp3Time time ? NODES.textNode(time.isoformat()) : NODES.nullNode());
        stage1.put("c", (Double) c);
        stage1.set("src", src == null ? NODES.nullNode() : NODES.textNode((String) src));
        stage1.put("etype", (String) type);
        stage1.set("eid", id);
        EntitySpec entity = model.entity((String) type);
        ValidatedPoint point = DataPointValidator.validate(stage1, entity, spec, p);
        return point == null ? null : new Element(entity, point);
    }

    private static Object required(JsonNode in, String name, Problems p, boolean string) {
        JsonNode value = in.get(name);
        p.push(name);
        try {
            if (value == null) {
                p.add("missing", "Field required", in);
                return Lax.INVALID;
            }
            return string ? Lax.string(value, p) : value;
        } finally {
            p.pop();
        }
    }

    /** {@code AwareDatetime | None}: a naive time is taken as UTC. */
    private static Object time(JsonNode in, String name, Problems p) {
        if (in == null || in.isNull()) {
            return null;
        }
        p.push(name);
        try {
            Object value = Lax.datetime(in, p);
            return value instanceof Dp3Time time ? time.aware() : value;
        } finally {
            p.pop();
        }
    }

    /** {@code T2Datetime | None}: a falsy value takes {@code t1}; it must not be before {@code t1}. */
    private static Object t2(JsonNode in, Object t1, Problems p) {
        if (in == null || in.isNull()) {
            return null;
        }
        p.push("t2");
        try {
            Object value;
            if (DataPointValidator.falsy(in)) {
                if (!(t1 instanceof Dp3Time)) {
                    p.add("datetime_type", "Input should be a valid datetime", null);
                    return Lax.INVALID;
                }
                value = t1;
            } else {
                value = Lax.datetime(in, p);
                if (value instanceof Dp3Time time) {
                    value = time.aware();
                }
            }
            if (value instanceof Dp3Time end && t1 instanceof Dp3Time start && end.compareTo(start) < 0) {
                p.add("assertion_error", "Assertion failed, 't2' is before 't1'", in);
                return Lax.INVALID;
            }
            return value;
        } finally {
            p.pop();
        }
    }

    /** {@code float} in [0, 1], 1.0 when not given. */
    private static Object confidence(JsonNode in, Problems p) {
        if (in == null) {
            return 1.0;
        }
        return DataPointValidator.unitFloat(in, p);
    }
}
