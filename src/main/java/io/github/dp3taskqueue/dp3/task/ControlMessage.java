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

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * DP3's control message.
 *
 * @param action {@code make_snapshots}, {@code refresh_on_entity_creation} or {@code refresh_module_config}
 * @param kwargs the action's arguments, a JSON object
 */
public record ControlMessage(String action, ObjectNode kwargs) implements Task {

    public static final List<String> ACTIONS = List.of("make_snapshots", "refresh_on_entity_creation",
            "refresh_module_config");

    public ControlMessage {
        if (!ACTIONS.contains(action)) {
            throw new InvalidTaskException(
                    "ControlMessage action must be one of " + ACTIONS + "; got '" + action + "'");
        }
    }

    @Override
    public TaskKind kind() {
        return TaskKind.CONTROL;
    }

    /** Control messages are not hashed: DP3 sends them to worker 0 or to all workers. */
    @Override
    public String hashKey() {
        return "";
    }
}
