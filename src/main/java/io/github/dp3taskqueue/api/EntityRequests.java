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
package io.github.dp3taskqueue.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.apache.camel.Message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import io.github.dp3taskqueue.dp3.json.JsonValues;
import io.github.dp3taskqueue.dp3.model.ApiEntities;
import io.github.dp3taskqueue.dp3.model.DataModel;
import io.github.dp3taskqueue.dp3.model.ValidatedTask;
import io.github.dp3taskqueue.dp3.task.Refusal;

/**
 * The entity endpoints of DP3's API that publish a task: set an attribute, extend TTLs, delete,
 * in their v1 (path) and v2 (query) forms. Other entity paths are reads, for DP3's own API.
 */
final class EntityRequests {

    private final ApiEntities entities;

    EntityRequests(DataModel model) {
        this.entities = new ApiEntities(model);
    }

    /** A refused request as an operator counts it: the entity type, id and attribute its path and query name. */
    static Refusal refusal(String path, Message in, String reason) {
        String[] v1 = path.startsWith("/entity/") ? path.substring("/entity/".length()).split("/", -1) : null;
        if (v1 != null) {
            return new Refusal("the request", decode(v1[0]), v1.length > 1 ? decode(v1[1]) : null,
                    v1.length == 4 ? decode(v1[3]) : null, null, reason);
        }
        String[] v2 = path.substring("/v2/entity/".length()).split("/", -1);
        Map<String, String> query = QueryParameters.of(in);
        return new Refusal("the request", decode(v2[0]), query.get("eid"), query.get("attr"), null, reason);
    }

    /** The task to publish, or {@code null} when this is not one of these endpoints. */
    ValidatedTask read(String method, String path, Message in, String client) {
        String[] v1 = path.startsWith("/entity/") ? path.substring("/entity/".length()).split("/", -1) : null;
        String[] v2 = path.startsWith("/v2/entity/") ? path.substring("/v2/entity/".length()).split("/", -1) : null;
        if (v1 != null) {
            if (method.equals("POST") && v1.length == 4 && v1[2].equals("set")) {
                return set(decode(v1[0]), decode(v1[1]), decode(v1[3]), "path", in, client);
            }
            if (method.equals("POST") && v1.length == 3 && v1[2].equals("ttl")) {
                return entities.ttl(decode(v1[0]), decode(v1[1]), "path", body(in));
            }
            if (method.equals("DELETE") && v1.length == 2) {
                return entities.delete(decode(v1[0]), decode(v1[1]), "path");
            }
        } else if (v2 != null) {
            Map<String, String> query = QueryParameters.of(in);
            if (method.equals("POST") && v2.length == 2 && v2[1].equals("attr")) {
                return set(decode(v2[0]), query.get("eid"), query.get("attr"), "query", in, client);
            }
            if (method.equals("POST") && v2.length == 2 && v2[1].equals("ttl")) {
                return entities.ttl(decode(v2[0]), query.get("eid"), "query", body(in));
            }
            if (method.equals("DELETE") && (v2.length == 1 || (v2.length == 2 && v2[1].isEmpty()))) {
                return entities.delete(decode(v2[0]), query.get("eid"), "query");
            }
        }
        return null;
    }

    private ValidatedTask set(String etype, String eid, String attr, String where, Message in, String client) {
        entities.eid(etype, eid, where);
        byte[] bytes = in.getBody(byte[].class);
        JsonNode body;
        try {
            body = JsonValues.parseAsPython(bytes == null ? new byte[0] : bytes);
        } catch (JsonValues.JsonInvalidException e) {
            throw new ApiEntities.ParameterRefused(List.of("body"), JsonErrors.pythonMessage(bytes));
        }
        JsonNode value = body.isObject() ? body.get("value") : null;
        if (!body.isObject()) {
            throw new ApiEntities.ParameterRefused(List.of("body"),
                    "1 validation error for EntityEidAttrValue\n  Input should"
                            + " be a valid dictionary or instance of EntityEidAttrValue [type=model_type, input_value="
                            + body + "]");
        }
        String now = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return entities.set(etype, eid, attr, where, value == null ? NullNode.getInstance() : value, now,
                client + " via API");
    }

    private static JsonNode body(Message in) {
        byte[] bytes = in.getBody(byte[].class);
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            return JsonValues.parseAsPython(bytes);
        } catch (JsonValues.JsonInvalidException e) {
            return null;
        }
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
