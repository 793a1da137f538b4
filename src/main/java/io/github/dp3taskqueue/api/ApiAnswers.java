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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.dp3taskqueue.dp3.json.JsonText;
import io.github.dp3taskqueue.dp3.model.ModelJson;
import io.github.dp3taskqueue.dp3.model.Problem;
import io.github.dp3taskqueue.dp3.time.Dp3Time;

/**
 * The JSON bodies DP3's API answers (FastAPI's compact JSON, non-ASCII raw): {@code {"detail": …}}
 * with a text, or with the error list of a 422, each error {@code type, loc, msg, input[, ctx]}.
 */
public final class ApiAnswers {

    private ApiAnswers() {
    }

    /** {@code {"detail":"TEXT"}}. */
    public static byte[] detail(String text) {
        StringBuilder out = new StringBuilder("{\"detail\":");
        JsonText.string(out, text);
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * DP3's 422 body for these problems. JSON has no NaN or infinity, and DP3's API answers 500
     * where an error's input holds one; here it is written as the text {@code "NaN"},
     * {@code "Infinity"} or {@code "-Infinity"} instead (MODEL.md §7.2).
     */
    public static byte[] unprocessable(List<Problem> problems) {
        StringBuilder out = new StringBuilder("{\"detail\":[");
        for (int i = 0; i < problems.size(); i++) {
            Problem problem = problems.get(i);
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"type\":");
            JsonText.string(out, problem.type()).append(",\"loc\":[");
            for (int j = 0; j < problem.loc().size(); j++) {
                if (j > 0) {
                    out.append(',');
                }
                Object segment = problem.loc().get(j);
                if (segment instanceof Integer index) {
                    out.append(index);
                } else {
                    JsonText.string(out, segment.toString());
                }
            }
            out.append("],\"msg\":");
            JsonText.string(out, problem.msg()).append(",\"input\":");
            ModelJson.value(out, finite(problem.input() instanceof Dp3Time time ? time.isoformat() : problem.input()));
            if (problem.ctx() != null) {
                out.append(",\"ctx\":");
                ModelJson.value(out, finite(problem.ctx()));
            }
            out.append('}');
        }
        return out.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The value with each NaN or infinity replaced by its name as text, for a strict JSON answer. */
    private static Object finite(Object value) {
        if (value instanceof Double d && !Double.isFinite(d)) {
            return JsonText.floatValue(new StringBuilder(), d).toString();
        }
        if (value instanceof JsonNode node) {
            if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
                return JsonText.floatValue(new StringBuilder(), node.doubleValue()).toString();
            }
            if (node.isContainerNode()) {
                Map<String, Object> fields = new LinkedHashMap<>();
                List<Object> items = new ArrayList<>();
                node.fields().forEachRemaining(f -> fields.put(f.getKey(), finite(f.getValue())));
                if (node.isArray()) {
                    node.forEach(item -> items.add(finite(item)));
                    return items;
                }
                return fields;
            }
            return node;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, finite(v)));
            return out;
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(ApiAnswers::finite).toList();
        }
        return value;
    }
}
