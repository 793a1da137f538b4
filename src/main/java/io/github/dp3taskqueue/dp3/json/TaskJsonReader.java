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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.dp3taskqueue.dp3.json.JsonValues.JsonInvalidException;
import io.github.dp3taskqueue.dp3.task.ControlMessage;
import io.github.dp3taskqueue.dp3.task.DataPoint;
import io.github.dp3taskqueue.dp3.task.DataPointTask;
import io.github.dp3taskqueue.dp3.task.EntityRef;
import io.github.dp3taskqueue.dp3.task.InvalidTaskException;
import io.github.dp3taskqueue.dp3.task.Snapshot;
import io.github.dp3taskqueue.dp3.task.Task;
import io.github.dp3taskqueue.dp3.task.TaskKind;
import io.github.dp3taskqueue.dp3.time.Dp3Time;

/**
 * Reads DP3 task JSON (PROTOCOL.md §6) into task records with DP3's rules: the JSON as DP3's
 * worker reads it ({@link JsonValues}), unknown keys ignored, missing required keys and wrong
 * types refused with a message that names the key. Values kept as JSON (eids, {@code v},
 * {@code c}, tags) are the nodes {@link JsonValues} gives, which {@link JsonText} writes back as
 * DP3 does.
 */
public final class TaskJsonReader {

    private TaskJsonReader() {
    }

    /** Parses one task of the given kind. */
    public static Task read(TaskKind kind, byte[] json) {
        return fromNode(kind, parse(json));
    }

    /** Parses one JSON value (the raw tree, for callers that need more than one task kind). */
    public static JsonNode parse(byte[] json) {
        if (json.length == 0) {
            throw new InvalidTaskException("the body is empty: expected a JSON object");
        }
        try {
            return JsonValues.parse(json);
        } catch (JsonInvalidException e) {
            String words = JsonSyntax.describe(json);
            throw new InvalidTaskException("the body is not JSON: " + (words != null ? words : e.getMessage()), e);
        }
    }

    public static Task fromNode(TaskKind kind, JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidTaskException("a " + kind.optionValue() + " task must be a JSON object; got "
                    + node.getNodeType().name().toLowerCase() + " " + abbreviate(node));
        }
        ObjectNode object = (ObjectNode) node;
        return switch (kind) {
            case DATAPOINT -> dataPointTask(object);
            case SNAPSHOT -> snapshot(object);
            case CONTROL -> control(object);
        };
    }

    private static DataPointTask dataPointTask(ObjectNode node) {
        String etype = requiredString(node, "etype", "DataPointTask");
        JsonNode eid = eid(node, "DataPointTask");
        List<DataPoint> points = new ArrayList<>();
        JsonNode array = optionalArray(node, "data_points");
        for (int i = 0; i < array.size(); i++) {
            JsonNode point = array.get(i);
            if (!point.isObject()) {
                throw new InvalidTaskException("data_points[" + i + "] must be a JSON object");
            }
            points.add(dataPoint((ObjectNode) point, "data_points[" + i + "]"));
        }
        List<JsonNode> tags = new ArrayList<>();
        optionalArray(node, "tags").forEach(tags::add);
        Map<String, String> ttl = null;
        JsonNode ttlNode = node.get("ttl_tokens");
        if (ttlNode != null && !ttlNode.isNull()) {
            if (!ttlNode.isObject()) {
                throw new InvalidTaskException("ttl_tokens must be a JSON object of name to datetime");
            }
            ttl = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> token : ttlNode.properties()) {
                ttl.put(token.getKey(), datetime(token.getValue(), "ttl_tokens." + token.getKey()));
            }
        }
        JsonNode delete = node.get("delete");
        if (delete != null && !delete.isNull() && !delete.isBoolean()) {
            throw new InvalidTaskException("delete must be true or false; got " + abbreviate(delete));
        }
        return new DataPointTask(etype, eid, points, tags, ttl, delete != null && delete.asBoolean(false));
    }

    private static DataPoint dataPoint(ObjectNode node, String where) {
        String etype = requiredString(node, "etype", where);
        JsonNode eid = eid(node, where);
        String attr = requiredString(node, "attr", where);
        JsonNode src = node.get("src");
        if (src != null && !src.isNull() && !src.isTextual()) {
            throw new InvalidTaskException(where + ".src must be a string; got " + abbreviate(src));
        }
        JsonNode c = node.get("c");
        if (c != null && !c.isNull() && !c.isNumber()) {
            throw new InvalidTaskException(where + ".c (confidence) must be a number; got " + abbreviate(c));
        }
        return new DataPoint(etype, eid, attr, src, node.get("v"), c, timeField(node, "t1", where),
                timeField(node, "t2", where));
    }

    private static JsonNode timeField(ObjectNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return value;
        }
        return JsonNodeFactory.instance.textNode(datetime(value, where + "." + key));
    }

    private static Snapshot snapshot(ObjectNode node) {
        List<EntityRef> entities = new ArrayList<>();
        JsonNode array = optionalArray(node, "entities");
        for (int i = 0; i < array.size(); i++) {
            JsonNode pair = array.get(i);
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual()
                    || !(pair.get(1).isTextual() || pair.get(1).isNumber())) {
                throw new InvalidTaskException(
                        "Snapshot entities[" + i + "] must be [etype, eid]; got " + abbreviate(pair));
            }
            entities.add(new EntityRef(pair.get(0).textValue(), pair.get(1)));
        }
        JsonNode time = node.get("time");
        if (time == null || time.isNull()) {
            throw new InvalidTaskException("Snapshot is missing the key 'time'");
        }
        JsonNode type = node.get("type");
        if (type != null && !type.isTextual()) {
            throw new InvalidTaskException("Snapshot type must be a string; got " + abbreviate(type));
        }
        JsonNode isFinal = node.get("final");
        if (isFinal != null && !isFinal.isBoolean()) {
            throw new InvalidTaskException("Snapshot final must be true or false; got " + abbreviate(isFinal));
        }
        return new Snapshot(entities, datetime(time, "Snapshot time"), type == null ? "task" : type.textValue(),
                isFinal != null && isFinal.booleanValue());
    }

    private static ControlMessage control(ObjectNode node) {
        String action = requiredString(node, "action", "ControlMessage");
        JsonNode kwargs = node.get("kwargs");
        if (kwargs != null && !kwargs.isObject()) {
            throw new InvalidTaskException("ControlMessage kwargs must be a JSON object; got " + abbreviate(kwargs));
        }
        return new ControlMessage(action, kwargs == null ? JsonNodeFactory.instance.objectNode() : (ObjectNode) kwargs);
    }

    private static String requiredString(ObjectNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new InvalidTaskException(where + " is missing the key '" + key + "'");
        }
        if (!value.isTextual()) {
            throw new InvalidTaskException(where + "." + key + " must be a string; got " + abbreviate(value));
        }
        return value.textValue();
    }

    private static JsonNode eid(ObjectNode node, String where) {
        JsonNode eid = node.get("eid");
        if (eid == null || eid.isNull()) {
            throw new InvalidTaskException(where + " is missing the key 'eid'");
        }
        if (!eid.isTextual() && !eid.isNumber()) {
            throw new InvalidTaskException(where + ".eid must be a string or a number; got " + abbreviate(eid));
        }
        return eid;
    }

    private static JsonNode optionalArray(ObjectNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!value.isArray()) {
            throw new InvalidTaskException(key + " must be a JSON array; got " + abbreviate(value));
        }
        return value;
    }

    private static String datetime(JsonNode value, String field) {
        if (!value.isTextual()) {
            throw new InvalidTaskException(field + " must be an ISO 8601 datetime string; got " + abbreviate(value));
        }
        Dp3Time time = Dp3Time.parse(value.textValue());
        if (time == null) {
            throw new InvalidTaskException(field + " must be an ISO 8601 datetime; got '" + value.textValue() + "'");
        }
        return time.toString();
    }

    static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
