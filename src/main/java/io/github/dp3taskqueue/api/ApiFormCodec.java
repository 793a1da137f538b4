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
package io.github.dp3taskqueue.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import io.github.dp3taskqueue.dp3.codec.Encoded;
import io.github.dp3taskqueue.dp3.codec.Encoded.EncodedTask;
import io.github.dp3taskqueue.dp3.codec.TaskCodec;
import io.github.dp3taskqueue.dp3.json.JsonValues;
import io.github.dp3taskqueue.dp3.model.ApiDataPoints;
import io.github.dp3taskqueue.dp3.model.DataModel;
import io.github.dp3taskqueue.dp3.model.RefusedTaskException;
import io.github.dp3taskqueue.dp3.model.ValidatedTask;
import io.github.dp3taskqueue.dp3.routing.Destination;
import io.github.dp3taskqueue.dp3.task.InvalidTaskException;
import io.github.dp3taskqueue.dp3.task.Task;
import io.github.dp3taskqueue.dp3.task.TaskKind;

/**
 * The codec of {@code input=api}: a body in DP3's API form, the JSON array DP3's
 * {@code POST /datapoints} takes (as text, bytes, or Java objects: a list of maps), validated and
 * grouped into tasks as DP3's API does ({@link ApiDataPoints}). All or nothing: one invalid data
 * point refuses the whole body, with DP3's error list ({@link RefusedTaskException#problems()}).
 * What is on the queue is in the worker form, so a delivered body is read as the model's codec
 * reads it.
 */
public final class ApiFormCodec implements TaskCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ApiDataPoints api;
    private final TaskCodec onTheQueue;

    public ApiFormCodec(DataModel model) {
        this.api = new ApiDataPoints(model);
        this.onTheQueue = TaskCodec.forTasks(TaskKind.DATAPOINT, model);
    }

    @Override
    public TaskKind kind() {
        return TaskKind.DATAPOINT;
    }

    @Override
    public DataModel model() {
        return onTheQueue.model();
    }

    /** {@code skipInvalid} does not apply: DP3's API publishes all of a request or nothing. */
    @Override
    public Encoded encode(Object body, long firstLine, boolean skipInvalid) {
        List<ValidatedTask> tasks = api.validate(tree(body), "the data points");
        List<EncodedTask> encoded = new ArrayList<>(tasks.size());
        for (ValidatedTask task : tasks) {
            encoded.add(new EncodedTask(task.message(), Destination.hashed(task.routingKey())));
        }
        return Encoded.of(encoded);
    }

    @Override
    public Task decode(byte[] body) {
        return onTheQueue.decode(body);
    }

    private static JsonNode tree(Object payload) {
        if (payload == null) {
            return NullNode.getInstance();
        }
        if (payload instanceof JsonNode node) {
            return node;
        }
        if (payload instanceof Collection<?> || payload instanceof Map<?, ?> || payload instanceof Object[]) {
            return MAPPER.valueToTree(payload);
        }
        byte[] bytes = payload instanceof byte[] b ? b
                : payload instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : null;
        if (bytes == null) {
            throw new InvalidTaskException(
                    "a body of DP3's API data points must be JSON text, bytes, a stream or a list; got a "
                            + payload.getClass().getName());
        }
        if (bytes.length == 0) {
            return NullNode.getInstance(); // as DP3's API: an empty body is a missing one
        }
        try {
            return JsonValues.parseAsPython(bytes); // DP3's API reads its body with Python's json
        } catch (JsonValues.JsonInvalidException e) {
            throw new InvalidTaskException("the data points are not JSON: " + e.getMessage(), e);
        }
    }
}
