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
