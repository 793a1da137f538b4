package io.github.dp3taskqueue.dp3.task;

import java.util.List;
import java.util.stream.Collectors;

/**
 * DP3's snapshot message.
 *
 * @param entities the entities ({@code [etype, eid]} pairs)
 * @param time     the snapshot time, a canonical datetime string
 * @param type     {@code task}, {@code linked_entities}, {@code run_start} or {@code run_end}
 * @param isFinal  DP3's {@code final} flag
 */
public record Snapshot(List<EntityRef> entities, String time, String type, boolean isFinal) implements Task {

    public static final List<String> TYPES = List.of("task", "linked_entities", "run_start", "run_end");

    public Snapshot {
        entities = List.copyOf(entities);
        if (!TYPES.contains(type)) {
            throw new InvalidTaskException("Snapshot type must be one of " + TYPES + "; got '" + type + "'");
        }
    }

    @Override
    public TaskKind kind() {
        return TaskKind.SNAPSHOT;
    }

    @Override
    public String hashKey() {
        return entities.stream().map(EntityRef::key).collect(Collectors.joining("-"));
    }
}
