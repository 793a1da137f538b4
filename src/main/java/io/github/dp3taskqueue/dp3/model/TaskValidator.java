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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.dp3taskqueue.dp3.json.JsonSyntax;
import io.github.dp3taskqueue.dp3.json.JsonValues;
import io.github.dp3taskqueue.dp3.json.JsonValues.JsonInvalidException;
import io.github.dp3taskqueue.dp3.model.TaskEid.Uncaught;

/**
 * A DataPointTask body checked as DP3's worker parses it ({@code DataPointTask.model_validate_json}
 * with the model of {@code db_entities/}, MODEL.md §4): accepted with DP3's own re-serialisation,
 * or refused with every problem DP3 reports, in DP3's order.
 */
public final class TaskValidator {

    private static final String NOT_EMPTY = "Value error, DataPointTask must contain at least one datapoint, non-empty "
            + "ttl_tokens, or be a delete task.";

    private final DataModel model;

    public TaskValidator(DataModel model) {
        this.model = model;
    }

    public DataModel model() {
        return model;
    }

    /**
     * @param subject how messages name the task ("the task", "item 2 of the batch")
     * @throws RefusedTaskException when DP3's worker would not accept the body
     */
    public ValidatedTask validate(byte[] body, String subject) {
        return validate(body, () -> subject);
    }

    /**
     * The same, with the subject made only when the full path reads the body (a batch names each
     * item, and most items take the fast path).
     */
    public ValidatedTask validate(byte[] body, Supplier<String> subject) {
        ValidatedTask scanned = scan(body);
        if (scanned != null) {
            return scanned;
        }
        JsonNode root;
        try {
            root = JsonValues.parse(body);
        } catch (JsonInvalidException e) {
            String words = JsonSyntax.describe(body);
            throw RefusedTaskException.notJson(subject.get(),
                    new Problem(List.of(), "json_invalid", "Invalid JSON: " + e.getMessage(), null, null),
                    words != null ? words : e.getMessage());
        }
        return validate(root, subject.get());
    }

    /**
     * The task, when the body is one task in the form DP3 writes and DP3 accepts it, read in one
     * pass without a JSON tree; {@code null} when {@link #validate(byte[], String)} must decide (any
     * other form, JSON lines, an array, any problem).
     */
    public ValidatedTask scan(byte[] body) {
        return TaskScanner.scan(model, body);
    }

    /** The same for a body already read by {@link JsonValues#parse}. */
    public ValidatedTask validate(JsonNode root, String subject) {
        try {
            return check(root, subject);
        } catch (Uncaught e) {
            throw new RefusedTaskException(subject, List.of(), e.pythonType, e.getMessage(), root);
        }
    }

    private ValidatedTask check(JsonNode root, String subject) throws Uncaught {
        Problems p = new Problems();
        if (!root.isObject()) {
            p.add("model_type", "Input should be an object", root);
            throw new RefusedTaskException(subject, p.list(), null, null, root);
        }
        EntitySpec entity = etype(root.get("etype"), p);
        Object eid = eid(root, entity, p);
        List<ValidatedPoint> points = new ArrayList<>();
        JsonNode dps = root.get("data_points");
        if (dps != null) {
            p.push("data_points");
            if (!dps.isArray()) {
                p.add("list_type", "Input should be a valid list", dps);
            } else {
                for (int i = 0; i < dps.size(); i++) {
                    p.push(i);
                    ValidatedPoint point = dataPoint(dps.get(i), entity, eid, p);
                    if (point != null) {
                        points.add(point);
                    }
                    p.pop();
                }
            }
            p.pop();
        }
        JsonNode tags = root.get("tags");
        if (tags != null && !tags.isArray()) {
            p.addAt("tags", "list_type", "Input should be a valid list", tags);
        }
        JsonNode ttlIn = root.get("ttl_tokens");
        Map<String, Object> ttl = ttlIn == null || ttlIn.isNull() ? null : ttlTokens(ttlIn, p);
        boolean delete = false;
        JsonNode deleteIn = root.get("delete");
        if (deleteIn != null) {
            p.push("delete");
            delete = Lax.bool(deleteIn, p) == Boolean.TRUE;
            p.pop();
        }
        if (p.count() == 0 && points.isEmpty() && (ttl == null || ttl.isEmpty()) && !delete) {
            p.add("value_error", NOT_EMPTY, root);
        }
        if (p.count() > 0) {
            throw new RefusedTaskException(subject, p.list(), null, null, root);
        }
        return new ValidatedTask(entity, eid, points, tags, ttl, ttlIn != null, delete);
    }

    private EntitySpec etype(JsonNode in, Problems p) {
        p.push("etype");
        try {
            if (in == null) {
                p.add("missing", "Field required", null);
            } else if (!in.isTextual()) {
                p.add("string_type", "Input should be a valid string", in);
            } else if (model.entity(in.textValue()) == null) {
                p.add("assertion_error", "Assertion failed, Invalid etype '" + in.textValue() + "'", in);
            } else {
                return model.entity(in.textValue());
            }
            return null;
        } finally {
            p.pop();
        }
    }

    /** The canonical eid; {@code null} when missing, invalid, or not checked (the etype was invalid). */
    private static Object eid(JsonNode root, EntitySpec entity, Problems p) throws Uncaught {
        JsonNode in = root.get("eid");
        p.push("eid");
        try {
            if (in == null) {
                p.add("missing", "Field required", root);
                return null;
            }
            if (entity == null) {
                return null;
            }
            Object eid = TaskEid.convert(entity.idType(), in, p);
            return eid == Lax.INVALID ? null : eid;
        } finally {
            p.pop();
        }
    }

    private ValidatedPoint dataPoint(JsonNode dp, EntitySpec taskEntity, Object taskEid, Problems p) throws Uncaught {
        if (dp.isNumber() || dp.isBoolean() || dp.isNull()) {
            throw new Uncaught("TypeError", "argument of type '" + TaskEid.pythonTypeName(dp) + "' is not iterable");
        }
        if (!dp.isObject()) {
            boolean both = dp.isTextual() ? dp.textValue().contains("etype") && dp.textValue().contains("attr")
                    : contains(dp, "etype") && contains(dp, "attr");
            if (both) {
                throw new Uncaught("AttributeError",
                        "'" + TaskEid.pythonTypeName(dp) + "' object has no attribute 'get'");
            }
            p.add("model_type", "Input should be a valid dictionary or instance of DataPointBase", dp);
            return null;
        }
        JsonNode etype = dp.get("etype");
        JsonNode attr = dp.get("attr");
        if (etype == null || attr == null) {
            baseFields(dp, p);
            return null;
        }
        AttributeSpec spec = etype.isTextual() && attr.isTextual()
                ? model.attribute(etype.textValue(), attr.textValue()) : null;
        if (spec == null) {
            p.add("value_error", "Value error, Attribute '" + PythonText.str(attr) + "' not found in entity '"
                    + PythonText.str(etype) + "'", dp);
            return null;
        }
        EntitySpec entity = model.entity(etype.textValue());
        ValidatedPoint point = DataPointValidator.validate(dp, entity, spec, p);
        if (point == null || taskEntity == null || taskEid == null) {
            return point;
        }
        if (!taskEntity.id().equals(etype.textValue())) {
            p.add("assertion_error",
                    "Assertion failed, Task's etype '" + taskEntity.id() + "' doesn't match datapoint's etype '"
                            + etype.textValue() + "'",
                    dp);
            return null;
        }
        Object pointEid = point.eid();
        if (!sameEid(taskEid, pointEid)) {
            p.add("assertion_error", "Assertion failed, Task's eid '" + taskEid + "' doesn't match datapoint's eid '"
                    + pointEid + "'", dp);
            return null;
        }
        return point;
    }

    /** DataPointBase's own fields, for an object without {@code etype} or {@code attr}. */
    private static void baseFields(JsonNode dp, Problems p) {
        for (String name : new String[]{"etype", "attr"}) {
            JsonNode value = dp.get(name);
            if (value == null) {
                p.addAt(name, "missing", "Field required", dp);
            } else if (!value.isTextual()) {
                p.addAt(name, "string_type", "Input should be a valid string", value);
            }
        }
        JsonNode src = dp.get("src");
        if (src != null && !src.isNull() && !src.isTextual()) {
            p.addAt("src", "string_type", "Input should be a valid string", src);
        }
    }

    private static boolean contains(JsonNode list, String text) {
        for (JsonNode element : list) {
            if (element.isTextual() && element.textValue().equals(text)) {
                return true;
            }
        }
        return false;
    }

    static boolean sameEid(Object a, Object b) {
        if (a instanceof String || b instanceof String) {
            return a.equals(b);
        }
        return new BigInteger(a.toString()).equals(new BigInteger(b.toString()));
    }

    private static Map<String, Object> ttlTokens(JsonNode in, Problems p) {
        p.push("ttl_tokens");
        try {
            if (!in.isObject()) {
                p.add("dict_type", "Input should be a valid dictionary", in);
                return null;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            var fields = in.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                p.push(field.getKey());
                out.put(field.getKey(), Lax.datetime(field.getValue(), p));
                p.pop();
            }
            return out;
        } finally {
            p.pop();
        }
    }
}
