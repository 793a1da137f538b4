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
package io.github.dp3taskqueue.dp3.codec;

import io.github.dp3taskqueue.dp3.model.DataModel;
import io.github.dp3taskqueue.dp3.task.InvalidTaskException;
import io.github.dp3taskqueue.dp3.task.Task;
import io.github.dp3taskqueue.dp3.task.TaskKind;

/**
 * How bodies become DP3 tasks and tasks become DP3's bytes, for one endpoint: chosen once, when
 * the endpoint's options are resolved, so that the producer, the consumer and the API route ask it
 * and never decide it themselves.
 * <ul>
 * <li>{@link #forTasks} with an entity model of id types or none: tasks read and written in DP3's
 * JSON form, eids canonicalised ({@link PlainCodec});</li>
 * <li>{@link #forTasks} with DP3's whole data model: data point tasks checked as DP3's worker checks
 * them and written as DP3 writes them ({@link ModelCodec});</li>
 * <li>the API form of DP3's {@code POST /datapoints} (in the {@code api} package).</li>
 * </ul>
 */
public interface TaskCodec {

    /** The codec for tasks of {@code kind} in the worker form, with the endpoint's entity model. */
    static TaskCodec forTasks(TaskKind kind, DataModel model) {
        return kind == TaskKind.DATAPOINT && model.isDeclared() ? new ModelCodec(model) : new PlainCodec(kind, model);
    }

    /** The task kind it reads and writes. */
    TaskKind kind();

    /** The entity model it reads and writes with. */
    DataModel model();

    /**
     * The tasks a body holds, each as the bytes to publish and where DP3 routes it. A body is one
     * task (an object, its JSON as text or bytes) or a collection (a list or array of those, a JSON
     * array, JSON lines). A collection is checked as a whole first: one refused item refuses it,
     * naming every refused item (by index from 0, JSON lines by line number), unless
     * {@code skipInvalid}, when the refused items are listed in {@link Encoded#invalid()}.
     *
     * @param firstLine the number of the body's first line in its file (for JSON lines), usually 1
     * @throws InvalidTaskException naming what is wrong; nothing of the body is to be published
     */
    Encoded encode(Object body, long firstLine, boolean skipInvalid);

    /**
     * A delivered body read as DP3's worker reads it.
     *
     * @throws InvalidTaskException naming what is wrong
     */
    Task decode(byte[] body);
}
