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

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.dp3taskqueue.dp3.json.TaskJsonReader;
import io.github.dp3taskqueue.dp3.task.InvalidTaskException;
import io.github.dp3taskqueue.dp3.task.ReceivedTask;
import io.github.dp3taskqueue.dp3.task.Task;

/**
 * Splits a body into the items that are each one task: a task object, a collection, a JSON array,
 * or JSON lines (checked line by line, so a malformed line is reported on its own). Items are not
 * validated here.
 */
final class BodyItems {

    private BodyItems() {
    }

    static List<Object> of(Object body, long firstLine) {
        if (body == null) {
            throw new InvalidTaskException("the message body is empty: expected a DP3 task");
        }
        if (body instanceof Task || body instanceof ReceivedTask || body instanceof Map<?, ?>) {
            return List.of(body);
        }
        if (body instanceof JsonNode node) {
            return node.isArray() ? elements(node) : List.of(node);
        }
        if (body instanceof Iterable<?> || body instanceof Object[]) {
            Iterator<?> iterator = body instanceof Object[] array ? List.of(array).iterator()
                    : ((Iterable<?>) body).iterator();
            List<Object> items = new ArrayList<>();
            while (iterator.hasNext()) {
                Object item = iterator.next();
                items.add(item instanceof InputStream stream ? readAll(stream) : item);
            }
            return items;
        }
        if (body instanceof byte[] || body instanceof String) {
            return ofJson(bytes(body), firstLine);
        }
        throw new InvalidTaskException("cannot read DP3 tasks from a body of type " + body.getClass().getName());
    }

    /** The bytes of a body given as text or bytes. */
    static byte[] bytes(Object body) {
        return body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : (byte[]) body;
    }

    /** One JSON value (an array gives its elements), else JSON lines, one item per non-blank line. */
    private static List<Object> ofJson(byte[] bytes, long firstLine) {
        try {
            JsonNode whole = TaskJsonReader.parse(bytes);
            return whole.isArray() ? elements(whole) : List.of(whole);
        } catch (InvalidTaskException notOneValue) {
            List<Object> lines = JsonLines.of(bytes, firstLine);
            if (lines.size() <= 1) {
                throw notOneValue; // one (bad) value: its own error says best what is wrong
            }
            return lines;
        }
    }

    static List<Object> elements(JsonNode array) {
        List<Object> items = new ArrayList<>(array.size());
        array.forEach(items::add);
        return items;
    }

    private static byte[] readAll(InputStream stream) {
        try (stream) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new InvalidTaskException("cannot read a batch item: " + e.getMessage(), e);
        }
    }
}
