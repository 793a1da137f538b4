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
import java.util.List;
import java.util.Map;

/**
 * Collects the problems of one validation, each at the current location. Validators push a field
 * name or an index while they look inside a value and pop it afterwards.
 */
final class Problems {

    private final List<Object> path = new ArrayList<>();
    private final List<Problem> found = new ArrayList<>();

    void push(Object segment) {
        path.add(segment);
    }

    void pop() {
        path.remove(path.size() - 1);
    }

    int depth() {
        return path.size();
    }

    void add(String type, String msg, Object input) {
        add(type, msg, input, context(type, msg));
    }

    /** pydantic's context of the errors that always carry one, read off their message. */
    private static Map<String, Object> context(String type, String msg) {
        return switch (type) {
            case "value_error", "assertion_error" -> Map.of("error", Map.of()); // an exception, written as {}
            case "is_instance_of" -> after(msg, "Input should be an instance of ", "class");
            case "model_type" -> after(msg, "Input should be a valid dictionary or instance of ", "class_name");
            case "datetime_from_date_parsing" -> after(msg, "Input should be a valid datetime or date, ", "error");
            case "datetime_parsing" -> after(msg, "Input should be a valid datetime, ", "error");
            default -> null;
        };
    }

    private static Map<String, Object> after(String msg, String prefix, String key) {
        return msg.startsWith(prefix) ? Map.of(key, msg.substring(prefix.length())) : null;
    }

    void add(String type, String msg, Object input, Map<String, Object> ctx) {
        found.add(new Problem(path, type, msg, input, ctx));
    }

    /** An error at a sub-location of the current one (pydantic's union member names). */
    void addAt(Object segment, String type, String msg, Object input) {
        push(segment);
        add(type, msg, input);
        pop();
    }

    /** Takes back the last problem added. */
    void removeLast() {
        found.remove(found.size() - 1);
    }

    int count() {
        return found.size();
    }

    List<Problem> list() {
        return found;
    }
}
