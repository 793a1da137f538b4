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
package io.github.dp3taskqueue.producer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.dp3taskqueue.EndpointSettings;
import io.github.dp3taskqueue.TaskQueueConstants;
import io.github.dp3taskqueue.dp3.codec.Encoded;
import io.github.dp3taskqueue.dp3.codec.Encoded.EncodedTask;
import io.github.dp3taskqueue.dp3.codec.TaskCodec;
import io.github.dp3taskqueue.dp3.task.InvalidTaskException;
import io.github.dp3taskqueue.dp3.task.ReceivedTask;
import io.github.dp3taskqueue.dp3.task.Refusal;
import io.github.dp3taskqueue.dp3.task.Task;
import io.github.dp3taskqueue.publisher.MessageProperties;
import io.github.dp3taskqueue.publisher.OutgoingMessage;
import io.github.dp3taskqueue.topology.TopologyNames;

/**
 * The publish data path up to the publisher: an exchange's body and headers, then the endpoint's
 * codec (which reads, validates and writes every task of the body before any message is planned,
 * so a refused body publishes nothing), then the exchange and routing key of each message.
 */
public final class PublishPlanner {

    private static final String[] RENAMED_HEADERS = {"CamelDp3Priority", "CamelDp3Broadcast"};

    private final TaskCodec codec;
    private final TopologyNames names;
    private final int workers;
    private final boolean priority;
    private final boolean broadcast;
    private final boolean skipInvalid;
    private final Consumer<List<Refusal>> refused;

    /** @param refused told what DP3's model refused in a body (published or not) */
    public PublishPlanner(EndpointSettings settings, Consumer<List<Refusal>> refused) {
        this.refused = refused;
        this.codec = settings.codec();
        this.names = settings.names();
        this.workers = settings.workersOrDefault();
        this.priority = settings.producer().priority();
        this.broadcast = settings.producer().broadcast();
        this.skipInvalid = settings.producer().skipInvalidTasks();
    }

    /** What to publish for this exchange. */
    public List<OutgoingMessage> plan(Exchange exchange) {
        Message in = exchange.getMessage();
        in.removeHeader(TaskQueueConstants.INVALID_TASKS);
        refuseRenamedHeaders(in);
        boolean toPriority = flagHeader(exchange, TaskQueueConstants.PRIORITY_OVERRIDE, priority);
        boolean toAll = flagHeader(exchange, TaskQueueConstants.BROADCAST_OVERRIDE, broadcast);
        String routingKey = in.getHeader(TaskQueueConstants.ROUTING_KEY_OVERRIDE, String.class);
        Long firstLine = in.getHeader(TaskQueueConstants.FIRST_LINE_NUMBER, Long.class);
        Encoded encoded;
        try {
            encoded = codec.encode(readable(exchange, in.getBody()), firstLine == null ? 1 : firstLine, skipInvalid);
        } catch (InvalidTaskException e) {
            report(e.refusals());
            throw e;
        }
        report(encoded.refusals());
        if (!encoded.invalid().isEmpty()) {
            in.setHeader(TaskQueueConstants.INVALID_TASKS, encoded.invalid());
        }
        String target = names.exchangeFor(codec.kind(), toPriority);
        Map<String, Object> trace = traceContext(in);
        List<OutgoingMessage> messages = new ArrayList<>(encoded.tasks().size());
        for (EncodedTask task : encoded.tasks()) {
            if (routingKey != null) {
                messages.add(new OutgoingMessage(task.message(), target, routingKey, workerOf(routingKey),
                        MessageProperties.newMessageId(), trace));
                continue;
            }
            int[] to = toAll ? IntStream.range(0, workers).toArray() : task.destination().workers(workers);
            for (int worker : to) {
                messages.add(new OutgoingMessage(task.message(), target, TopologyNames.routingKey(worker), worker,
                        MessageProperties.newMessageId(), trace));
            }
        }
        return messages;
    }

    /** The exchange's trace context, sent with each of its messages; {@code null} without one. */
    private static Map<String, Object> traceContext(Message in) {
        Map<String, Object> trace = null;
        for (String name : TaskQueueConstants.TRACE_CONTEXT_HEADERS) {
            String value = in.getHeader(name, String.class);
            if (value != null) {
                if (trace == null) {
                    trace = new LinkedHashMap<>(4);
                }
                trace.put(name, value);
            }
        }
        return trace;
    }

    private void report(List<Refusal> refusals) {
        if (!refusals.isEmpty()) {
            refused.accept(refusals);
        }
    }

    /**
     * Removes the override headers once the send they steered succeeded, so that they do not steer
     * the next {@code to()}; a failed send keeps them, so a redelivery goes where the first try went.
     */
    public static void removeOverrides(Message message) {
        message.removeHeader(TaskQueueConstants.PRIORITY_OVERRIDE);
        message.removeHeader(TaskQueueConstants.BROADCAST_OVERRIDE);
        message.removeHeader(TaskQueueConstants.ROUTING_KEY_OVERRIDE);
        message.removeHeader(TaskQueueConstants.FIRST_LINE_NUMBER);
    }

    /**
     * The body as the codecs read it: tasks, their JSON (text, bytes, a tree), maps and collections
     * as they are; anything else (a stream, a file) as bytes, by Camel's type converters.
     */
    private static Object readable(Exchange exchange, Object body) {
        if (body == null || body instanceof byte[] || body instanceof String || body instanceof JsonNode
                || body instanceof Task || body instanceof ReceivedTask || body instanceof Map<?, ?>
                || body instanceof Iterable<?> || body instanceof Object[]) {
            return body;
        }
        byte[] bytes = exchange.getContext().getTypeConverter().tryConvertTo(byte[].class, exchange, body);
        if (bytes == null) {
            throw new InvalidTaskException("cannot read DP3 tasks from a body of type " + body.getClass().getName());
        }
        return bytes;
    }

    /** Headers this producer read before 1.0 under another name: silently ignoring them would misroute. */
    private static void refuseRenamedHeaders(Message in) {
        for (String old : RENAMED_HEADERS) {
            if (in.getHeader(old) != null) {
                throw new InvalidTaskException("header " + old + " is no longer read: set " + old + "Override instead");
            }
        }
    }

    private static boolean flagHeader(Exchange exchange, String name, boolean fallback) {
        Object value = exchange.getMessage().getHeader(name);
        if (value == null) {
            return fallback;
        }
        Boolean flag = exchange.getContext().getTypeConverter().tryConvertTo(Boolean.class, exchange, value);
        if (flag == null) {
            throw new InvalidTaskException("header " + name + " must be true or false; got '" + value + "'");
        }
        return flag;
    }

    private static int workerOf(String routingKey) {
        try {
            return Integer.parseInt(routingKey);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
