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
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.dp3taskqueue.dp3.codec.Encoded.EncodedTask;
import io.github.dp3taskqueue.dp3.json.JsonValues;
import io.github.dp3taskqueue.dp3.json.JsonValues.JsonInvalidException;
import io.github.dp3taskqueue.dp3.json.TaskJsonWriter;
import io.github.dp3taskqueue.dp3.model.DataModel;
import io.github.dp3taskqueue.dp3.model.TaskValidator;
import io.github.dp3taskqueue.dp3.model.ValidatedTask;
import io.github.dp3taskqueue.dp3.routing.Destination;
import io.github.dp3taskqueue.dp3.task.DataPointTask;
import io.github.dp3taskqueue.dp3.task.InvalidTaskException;
import io.github.dp3taskqueue.dp3.task.ReceivedTask;
import io.github.dp3taskqueue.dp3.task.Refusal;
import io.github.dp3taskqueue.dp3.task.Task;
import io.github.dp3taskqueue.dp3.task.TaskKind;

/**
 * Data point tasks checked against DP3's whole data model (the endpoint's {@code configDir}), as
 * DP3's worker reads them: each item is validated from its own bytes (or its JSON tree) and
 * becomes the bytes DP3 writes for it; a delivered body becomes the task DP3's worker reads
 * ({@link ValidatedTasks}).
 */
final class ModelCodec implements TaskCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DataModel model;
    private final TaskValidator validator;

    ModelCodec(DataModel model) {
        this.model = model;
        this.validator = new TaskValidator(model);
    }

    @Override
    public TaskKind kind() {
        return TaskKind.DATAPOINT;
    }

    @Override
    public DataModel model() {
        return model;
    }

    @Override
    public Task decode(byte[] body) {
        return ValidatedTasks.toTask(validator.validate(body, "the delivered task"));
    }

    @Override
    public Encoded encode(Object body, long firstLine, boolean skipInvalid) {
        if (body instanceof byte[] || body instanceof String) {
            byte[] bytes = BodyItems.bytes(body);
            ValidatedTask scanned = validator.scan(bytes); // the common case: one task, in DP3's form
            if (scanned != null) {
                return one(scanned);
            }
            JsonNode whole;
            try {
                whole = JsonValues.parse(bytes);
            } catch (JsonInvalidException notOneValue) {
                List<Object> lines = JsonLines.of(bytes, firstLine);
                if (lines.size() <= 1) {
                    return one(validator.validate(bytes, "the task")); // its own error names the problem
                }
                return all(lines, skipInvalid);
            }
            return whole.isArray() ? all(BodyItems.elements(whole), skipInvalid)
                    : one(validator.validate(whole, "the task"));
        }
        List<Object> items = BodyItems.of(body, firstLine);
        if (items.size() == 1 && !skipInvalid) {
            return one(validate(items.get(0), () -> "the task"));
        }
        return all(items, skipInvalid);
    }

    private static Encoded one(ValidatedTask task) {
        return Encoded.of(List.of(encoded(task)));
    }

    private static EncodedTask encoded(ValidatedTask task) {
        return new EncodedTask(task.message(), Destination.hashed(task.routingKey()));
    }

    private Encoded all(List<Object> items, boolean skipInvalid) {
        if (items.isEmpty()) {
            throw new InvalidTaskException("the batch is empty: expected at least one task");
        }
        List<EncodedTask> tasks = new ArrayList<>(items.size());
        List<String> invalid = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            int index = i;
            try { // JSON lines named by line number, other items by index from 0
                tasks.add(encoded(validate(item, () -> JsonLines.name(item, index))));
            } catch (InvalidTaskException e) {
                invalid.add(e.getMessage());
                refusals.addAll(e.refusals());
            }
        }
        return Encoded.settle(items.size(), tasks, invalid, refusals, skipInvalid);
    }

    /** One item; {@code name} says how errors name it, asked for only when there is one. */
    private ValidatedTask validate(Object item, Supplier<String> name) {
        if (item instanceof JsonNode node) {
            return validator.validate(node, name.get());
        }
        return validator.validate(bytes(item, name), name);
    }

    private static byte[] bytes(Object item, Supplier<String> name) {
        if (item instanceof byte[] || item instanceof String) {
            return BodyItems.bytes(item);
        }
        if (item instanceof ReceivedTask received) {
            return received.body();
        }
        if (item instanceof JsonLines.Line line) {
            return line.bytes();
        }
        if (item instanceof DataPointTask task) {
            return TaskJsonWriter.toBytes(task);
        }
        if (item instanceof Map<?, ?> map) {
            try {
                return MAPPER.writeValueAsBytes(map);
            } catch (JsonProcessingException e) {
                throw new InvalidTaskException(name.get() + " cannot be written as JSON: " + e.getOriginalMessage(), e);
            }
        }
        throw new InvalidTaskException(name.get() + " is a " + (item == null ? "null" : item.getClass().getName())
                + ", not a DP3 data point task or its JSON");
    }
}
