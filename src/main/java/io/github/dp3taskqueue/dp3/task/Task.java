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

/**
 * One DP3 task as it travels on the queue: a {@link DataPointTask}, a {@link Snapshot} or a
 * {@link ControlMessage}.
 */
public sealed interface Task permits DataPointTask, Snapshot, ControlMessage {

    /** The DP3 kind this task belongs to; it selects the exchange and the routing rule. */
    TaskKind kind();

    /**
     * The key DP3 hashes to choose the worker (PROTOCOL.md §2): {@code etype:eid} for a
     * DataPointTask, the entity keys joined with {@code -} for a Snapshot, {@code ""} otherwise.
     */
    String hashKey();
}
