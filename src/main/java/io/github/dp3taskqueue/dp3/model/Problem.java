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
     * {@code data_points.0.v: Input should be a valid string [string_type], got 123}: one line for a log or an
     * exception.
     */
    public String describe() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < loc.size(); i++) {
            if (i > 0) {
                out.append('.');
            }
            out.append(loc.get(i));
        }
        if (loc.isEmpty()) {
            out.append("(task)");
        }
        out.append(": ").append(msg).append(" [").append(type).append("], got ");
        String shown = PythonText.shortRepr(input);
        return out.append(shown).toString();
    }
}
