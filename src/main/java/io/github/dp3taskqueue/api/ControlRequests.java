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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Message;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.dp3taskqueue.dp3.json.TaskJsonWriter;
import io.github.dp3taskqueue.dp3.model.Problem;
import io.github.dp3taskqueue.dp3.task.ControlMessage;

/**
 * {@code GET /control/{action}} as DP3's control router: {@code make_snapshots} (DP3 sends it to
 * worker 0), {@code refresh_on_entity_creation?etype=…} and {@code refresh_module_config?module=…}
 * (to every worker; the module must be one of {@code enabled_modules}); DP3's 422 otherwise.
 */
final class ControlRequests {

    /** The control message to publish (DP3's JSON), or the answer when there is none. */
    record Outcome(byte[] message, int status, byte[] answer) {
    }

    private final List<String> modules;

    ControlRequests(List<String> enabledModules) {
        this.modules = List.copyOf(enabledModules);
    }

    Outcome read(String action, Message in) {
        return switch (action) {
            case "refresh_on_entity_creation" -> withArgument(in, "etype", null);
            case "refresh_module_config" -> withArgument(in, "module", modules);
            default -> ControlMessage.ACTIONS.contains(action) ? message(action, null, null)
                    : refused(new Problem(List.of("path", "action"), "enum",
                            "Input should be " + choices(ControlMessage.ACTIONS),
                            action, Map.of("expected", choices(ControlMessage.ACTIONS))));
        };
    }

    private static Outcome withArgument(Message in, String name, List<String> allowed) {
        String value = QueryParameters.of(in).get(name);
        if (value == null) {
            return refused(new Problem(List.of("query", name), "missing", "Field required", null, null));
        }
        if (allowed != null && !allowed.contains(value)) {
            return refused(new Problem(List.of("query", name), "enum", "Input should be " + choices(allowed), value,
                    Map.of("expected", choices(allowed))));
        }
        String action = name.equals("etype") ? "refresh_on_entity_creation" : "refresh_module_config";
        return message(action, name, value);
    }

    /** DP3's control message, written by the task writer as every control message is. */
    private static Outcome message(String action, String key, String value) {
        ObjectNode kwargs = JsonNodeFactory.instance.objectNode();
        if (key != null) {
            kwargs.put(key, value);
        }
        return new Outcome(TaskJsonWriter.toBytes(new ControlMessage(action, kwargs)), 200, null);
    }

    private static Outcome refused(Problem problem) {
        return new Outcome(null, 422, ApiAnswers.unprocessable(List.of(problem)));
    }

    /** pydantic's enum wording: {@code 'a', 'b' or 'c'}. */
    static String choices(List<String> values) {
        List<String> quoted = new ArrayList<>();
        values.forEach(v -> quoted.add("'" + v + "'"));
        if (quoted.size() <= 1) {
            return String.join("", quoted);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }
}
