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

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.dp3taskqueue.dp3.time.Dp3Time;

/**
 * The checks and tasks of DP3's API entity endpoints (set an attribute, extend TTLs, delete):
 * the entity type, the eid by its id type and the attribute, each refused with DP3's own
 * {@code {"loc", "msg", "type": "value_error"}} error; then the task DP3's API publishes.
 */
public final class ApiEntities {

    /** DP3's API's short 422 for a path or query parameter: one error, type {@code value_error}. */
    public static final class ParameterRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final List<Object> loc;

        public ParameterRefused(List<Object> loc, String msg) {
            super(msg, null, false, false);
            this.loc = List.copyOf(loc);
        }

        public List<Object> loc() {
            return loc;
        }

        /** {@code {"detail":[{"loc":[…],"msg":"…","type":"value_error"}]}}. */
        public byte[] answer() {
            StringBuilder out = new StringBuilder("{\"detail\":[{\"loc\":");
            ModelJson.value(out, loc);
            out.append(",\"msg\":");
            ModelJson.value(out, getMessage());
            return out.append(",\"type\":\"value_error\"}]}").toString()
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DataModel model;
    private final ApiDataPoints dataPoints;

    public ApiEntities(DataModel model) {
        this.model = model;
        this.dataPoints = new ApiDataPoints(model);
    }

    /**
     * The entity's type and eid as DP3's API's {@code check_etype} and {@code parse_eid} check them.
     *
     * @param where {@code path} or {@code query}: where the eid was given
     */
    public Object eid(String etype, String eid, String where) {
        EntitySpec entity = model.entity(etype);
        if (entity == null) {
            throw new ParameterRefused(List.of("path", "etype"), "Entity type '" + etype + "' doesn't exist");
        }
        if (eid == null) {
            throw missing(where, "eid");
        }
        Problems p = new Problems();
        Object value = entity.idDataType().validate(NODES.textNode(eid), p);
        if (p.count() > 0) {
            throw new ParameterRefused(List.of(where, "eid"), p.list().get(0).msg());
        }
        return value;
    }

    /** FastAPI's own 422 for a required parameter that is not there. */
    private static RefusedTaskException missing(String where, String name) {
        return new RefusedTaskException("the request",
                List.of(new Problem(List.of(where, name), "missing", "Field required", null,
                        null)),
                null, null, null);
    }

    /** {@code …/set/{attr}}: a plain data point with {@code t1} = now and {@code src} = "CLIENT via API". */
    public ValidatedTask set(String etype, String eid, String attr, String where, JsonNode value, String now,
            String source) {
        eid(etype, eid, where);
        if (attr == null) {
            throw missing(where, "attr");
        }
        if (model.attribute(etype, attr) == null) {
            throw new ParameterRefused(List.of(where, "attr"), "Attribute '" + attr + "' doesn't exist");
        }
        ObjectNode point = NODES.objectNode();
        point.put("type", etype);
        point.put("id", eid);
        point.put("attr", attr);
        point.set("v", value == null ? NODES.nullNode() : value);
        point.put("t1", now);
        point.put("src", source);
        try {
            return dataPoints.validate(NODES.arrayNode().add(point), "the value").get(0);
        } catch (RefusedTaskException e) {
            String msg = e.problems().isEmpty() ? e.getMessage() : e.problems().get(0).msg();
            throw new ParameterRefused(List.of("body", "value"), msg);
        }
    }

    /** {@code …/ttl}: a body of TTL names and their aware datetimes, DP3's 422 list for a bad one. */
    public ValidatedTask ttl(String etype, String eid, String where, JsonNode body) {
        Object canonical = eid(etype, eid, where);
        Problems p = new Problems();
        p.push("body");
        Map<String, Object> tokens = new LinkedHashMap<>();
        if (body == null || body.isNull() || body.isMissingNode()) {
            p.add("missing", "Field required", null);
        } else if (!body.isObject()) {
            p.add("dict_type", "Input should be a valid dictionary", body);
        } else {
            body.fields().forEachRemaining(field -> {
                p.push(field.getKey());
                Object time = Lax.datetime(field.getValue(), p);
                tokens.put(field.getKey(), time instanceof Dp3Time t ? t.aware() : time);
                p.pop();
            });
        }
        if (p.count() > 0) {
            throw new RefusedTaskException("the TTL tokens", p.list(), null, null, null);
        }
        return new ValidatedTask(model.entity(etype), canonical, List.of(), null, tokens, true, false);
    }

    /** {@code DELETE …}: the task that deletes the entity's master record and snapshots. */
    public ValidatedTask delete(String etype, String eid, String where) {
        Object canonical = eid(etype, eid, where);
        return new ValidatedTask(model.entity(etype), canonical, List.of(), null, null, false, true);
    }
}
