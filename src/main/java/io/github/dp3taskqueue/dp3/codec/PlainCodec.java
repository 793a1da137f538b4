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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.dp3taskqueue.dp3.codec.Encoded.EncodedTask;
import io.github.dp3taskqueue.dp3.json.TaskJsonReader;
import io.github.dp3taskqueue.dp3.json.TaskJsonWriter;
import io.github.dp3taskqueue.dp3.model.DataModel;
import io.github.dp3taskqueue.dp3.routing.Destination;
import io.github.dp3taskqueue.dp3.task.InvalidTaskException;
import io.github.dp3taskqueue.dp3.task.ReceivedTask;
import io.github.dp3taskqueue.dp3.task.Task;
import io.github.dp3taskqueue.dp3.task.TaskKind;

/**
 * Tasks of one kind read and written in DP3's JSON form (PROTOCOL.md §6) without DP3's data
 * model: the structure of each task is checked, its eids are canonicalised by the entity model's id
 * types (or kept as they came, without any), and it is written as DP3 writes it.
 */
final class PlainCodec implements TaskCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TaskKind kind;
    private final DataModel model;

    PlainCodec(TaskKind kind, DataModel model) {
        this.kind = kind;
        this.model = model;
    }

    @Override
    public TaskKind kind() {
        return kind;
    }

    @Override
    public DataModel model() {
        return model;
    }

    @Override
    public Encoded encode(Object body, long firstLine, boolean skipInvalid) {
        List<Object> items = BodyItems.of(body, firstLine);
        if (items.isEmpty()) {
            throw new InvalidTaskException("the batch is empty: expected at least one task");
        }
        if (items.size() == 1 && !skipInvalid) {
            return Encoded.of(List.of(encoded(toTask(items.get(0), 0))));
        }
        List<EncodedTask> tasks = new ArrayList<>(items.size());
        List<String> invalid = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                tasks.add(encoded(toTask(items.get(i), i)));
            } catch (InvalidTaskException e) {
                invalid.add(JsonLines.name(items.get(i), i) + ": " + e.getMessage());
            }
        }
        // without the model nothing is refused by it
        return Encoded.settle(items.size(), tasks, invalid, List.of(), skipInvalid);
    }

    @Override
    public Task decode(byte[] body) {
        return model.canonical(TaskJsonReader.read(kind, body));
    }

    private static EncodedTask encoded(Task task) {
        return new EncodedTask(TaskJsonWriter.toBytes(task), Destination.of(task));
    }

    /** One item as a canonical task. */
    private Task toTask(Object item, int index) {
        return model.canonical(read(item, index));
    }

    private Task read(Object item, int index) {
        if (item instanceof Task task) {
            return checkKind(task);
        }
        if (item instanceof ReceivedTask received) {
            return received.task() != null ? checkKind(received.task()) : TaskJsonReader.read(kind, received.body());
        }
        if (item instanceof JsonNode node) {
            return TaskJsonReader.fromNode(kind, node);
        }
        if (item instanceof Map<?, ?> map) {
            return TaskJsonReader.fromNode(kind, MAPPER.valueToTree(map));
        }
        if (item instanceof String || item instanceof byte[]) {
            return TaskJsonReader.read(kind, BodyItems.bytes(item));
        }
        if (item instanceof JsonLines.Line line) {
            return TaskJsonReader.read(kind, line.bytes());
        }
        throw new InvalidTaskException("item " + index + " is a " + (item == null ? "null" : item.getClass().getName())
                + ", not a DP3 task or its JSON");
    }

    private Task checkKind(Task task) {
        if (task.kind() != kind) {
            throw new InvalidTaskException(
                    "a " + task.kind().optionValue() + " task was sent to an endpoint with taskType="
                            + kind.optionValue());
        }
        return task;
    }
}
