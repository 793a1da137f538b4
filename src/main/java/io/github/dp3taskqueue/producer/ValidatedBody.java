package io.github.dp3taskqueue.producer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.camel.Exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.dp3taskqueue.dp3.json.JsonValues;
import io.github.dp3taskqueue.dp3.json.JsonValues.JsonInvalidException;
import io.github.dp3taskqueue.dp3.json.TaskJsonWriter;
import io.github.dp3taskqueue.dp3.model.TaskValidator;
import io.github.dp3taskqueue.dp3.model.ValidatedTask;
import io.github.dp3taskqueue.dp3.task.DataPointTask;
import io.github.dp3taskqueue.dp3.task.InvalidTaskException;
import io.github.dp3taskqueue.dp3.task.ReceivedTask;

/**
 * The data point tasks of a body checked against DP3's model (the endpoint's {@code configDir}):
 * one task, a JSON array, JSON lines or a collection. Each item is validated from its own bytes (or
 * its JSON tree), exactly as DP3's worker will read it, and becomes the bytes DP3 writes for it.
 */
final class ValidatedBody {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ValidatedBody() {
    }

    static List<ValidatedTask> of(Exchange exchange, Object payload, TaskValidator validator, boolean skipInvalid) {
        if (payload instanceof byte[] bytes) {
            ValidatedTask scanned = validator.scan(bytes); // the common case: one task, in DP3's form
            if (scanned != null) {
                return List.of(scanned);
            }
            JsonNode whole;
            try {
                whole = JsonValues.parse(bytes);
            } catch (JsonInvalidException notOneValue) {
                List<Object> lines = JsonLines.of(exchange, bytes);
                if (lines.size() <= 1) {
                    return List.of(validator.validate(bytes, "the task")); // its own error names the problem
                }
                return all(exchange, lines, validator, skipInvalid);
            }
            if (!whole.isArray()) {
                return List.of(validator.validate(whole, "the task"));
            }
            List<Object> items = new ArrayList<>(whole.size());
            whole.forEach(items::add);
            return all(exchange, items, validator, skipInvalid);
        }
        List<Object> items = BodyItems.of(exchange, payload);
        if (items.size() == 1 && !skipInvalid) {
            return List.of(one(items.get(0), validator, () -> "the task"));
        }
        return all(exchange, items, validator, skipInvalid);
    }

    private static List<ValidatedTask> all(Exchange exchange, List<Object> items, TaskValidator validator,
            boolean skipInvalid) {
        if (items.isEmpty()) {
            throw new InvalidTaskException("the batch is empty: expected at least one task");
        }
        List<ValidatedTask> tasks = new ArrayList<>(items.size());
        List<String> invalid = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            int index = i;
            try { // JSON lines named by line number, other items by index from 0
                tasks.add(one(item, validator, () -> JsonLines.name(item, index)));
            } catch (InvalidTaskException e) {
                invalid.add(e.getMessage());
            }
        }
        InvalidItems.settle(exchange, items.size(), invalid, skipInvalid);
        return tasks;
    }

    /** One item; {@code name} says how errors name it, asked for only when there is one. */
    private static ValidatedTask one(Object item, TaskValidator validator, Supplier<String> name) {
        if (item instanceof JsonNode node) {
            return validator.validate(node, name.get());
        }
        return validator.validate(bytes(item, name), name);
    }

    private static byte[] bytes(Object item, Supplier<String> name) {
        if (item instanceof byte[] bytes) {
            return bytes;
        }
        if (item instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
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
