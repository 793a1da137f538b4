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

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One reason DP3 refuses a task, as pydantic reports it: where ({@code loc}, from the task's root,
 * e.g. {@code ["data_points", 0, "v"]}), pydantic's error {@code type}, its message, the offending
 * input (a value of {@link JsonValues}' kinds, or a validated value) and pydantic's context.
 *
 * @param loc   the location: field names and list indexes
 * @param type  pydantic's error type ({@code string_type}, {@code missing}, ...)
 * @param msg   pydantic's message
 * @param input the offending input
 * @param ctx   pydantic's context, or {@code null}
 */
public record Problem(List<Object> loc, String type, String msg, Object input, Map<String, Object> ctx) {

    public Problem {
        loc = List.copyOf(loc);
    }

    /**
     * One line for a log or an exception, that says where without the reader opening the task: the
     * data point by its index, entity type and attribute (read from {@code root}, the task or the
     * API's request body the problem was found in), the field unless it is {@code v}, pydantic's
     * message and error type, and the value, shortened:
     * {@code data point 0 (ip.hostname): Input should be a valid string [string_type], got 0}.
     * Without {@code root} the location is pydantic's ({@code data_points.0.v}).
     */
    public String describe(JsonNode root) {
        StringBuilder out = new StringBuilder();
        int point = loc.size() >= 2 && loc.get(1) instanceof Integer index
                && ("data_points".equals(loc.get(0)) || "body".equals(loc.get(0))) ? index : -1;
        if (point >= 0 && root != null) {
            JsonNode element = "body".equals(loc.get(0)) ? root.path(point) : root.path("data_points").path(point);
            JsonNode etype = element.path("body".equals(loc.get(0)) ? "type" : "etype");
            JsonNode attr = element.path("attr");
            out.append("data point ").append(point);
            if (etype.isTextual() && attr.isTextual()) {
                out.append(" (").append(etype.textValue()).append('.').append(attr.textValue()).append(')');
            }
            List<Object> rest = loc.subList(2, loc.size());
            if (!rest.isEmpty() && !rest.get(0).equals("v") || rest.size() > 1 && !isMember(rest.get(1))) {
                path(out.append(", "), rest);
            }
        } else if (loc.isEmpty() || loc.equals(List.of("body"))) {
            out.append(loc.isEmpty() ? "the task" : "the request body");
        } else {
            path(out, loc);
        }
        out.append(": ").append(msg).append(" [").append(type).append("], got ");
        return out.append(PythonText.shortRepr(input)).toString();
    }

    private static boolean isMember(Object segment) {
        return segment instanceof String name && name.indexOf('[') >= 0;
    }

    /**
     * {@code v[2]}, {@code ttl_tokens.a}: names dotted, indexes in brackets; it ends before the name of
     * a union's member ({@code is-instance[MACAddress]}, {@code json[any]}), which pydantic's message
     * says in words.
     */
    private static void path(StringBuilder out, List<Object> segments) {
        for (int i = 0; i < segments.size(); i++) {
            Object segment = segments.get(i);
            if (isMember(segment)) {
                return;
            }
            if (segment instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                out.append(i > 0 ? "." : "").append(segment);
            }
        }
    }
}
