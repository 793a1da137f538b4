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
package io.github.dp3taskqueue.dp3.task;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One refusal by DP3's model, as an operator counts it: which item of the task or request, its
 * entity type, entity id, attribute and source ({@code src}) as far as the body names them, and
 * the reason (pydantic's error type such as {@code string_type}, {@code json_invalid}, or the
 * Python exception DP3's own code would raise). A field the body does not name is {@code null}.
 *
 * @param item   {@code data point 3}, {@code the task}, {@code the request}
 * @param etype  the entity type
 * @param eid    the entity id, as written (a number as its JSON text)
 * @param attr   the attribute
 * @param src    the data point's source
 * @param reason pydantic's error type or the Python exception
 */
public record Refusal(String item, String etype, String eid, String attr, String src, String reason) {

    /** Longer names are cut: a refusal is reported, never stored whole. */
    private static final int MAX = 100;

    public Refusal {
        etype = cut(etype);
        eid = cut(eid);
        attr = cut(attr);
        src = cut(src);
        reason = cut(reason);
    }

    private static String cut(String value) {
        return value == null || value.length() <= MAX ? value : value.substring(0, MAX) + "...";
    }

    /** A refusal of the whole body for {@code reason} (not JSON, a Python exception). */
    public static Refusal whole(String subject, String reason, JsonNode root) {
        return new Refusal(subject, text(root, "etype"), text(root, "eid"), null, null, reason);
    }

    /**
     * The refusal at pydantic's location {@code loc} ({@code ["data_points", 2, "v"]}, the API's
     * {@code ["body", 2, "v"]}) of a body {@code root} (may be {@code null}).
     */
    public static Refusal at(List<Object> loc, String reason, JsonNode root) {
        boolean api = !loc.isEmpty() && "body".equals(loc.get(0));
        if (loc.size() >= 2 && loc.get(1) instanceof Integer index && (api || "data_points".equals(loc.get(0)))) {
            JsonNode point = root == null ? null : api ? root.path(index) : root.path("data_points").path(index);
            return new Refusal("data point " + index, first(text(point, api ? "type" : "etype"), api ? null
                    : text(root, "etype")), first(text(point, api ? "id" : "eid"), api ? null : text(root, "eid")),
                    text(point, "attr"), text(point, "src"), reason);
        }
        return new Refusal(api ? "the request" : "the task", api ? null : text(root, "etype"),
                api ? null : text(root, "eid"), null, null, reason);
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }
}
