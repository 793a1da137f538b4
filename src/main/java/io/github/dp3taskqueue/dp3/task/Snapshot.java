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
