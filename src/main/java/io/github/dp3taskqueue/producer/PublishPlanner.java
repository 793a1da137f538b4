package io.github.dp3taskqueue.producer;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.dp3taskqueue.TaskQueueConstants;
import io.github.dp3taskqueue.routing.Dp3Hash;
import io.github.dp3taskqueue.routing.EntityModel;
import io.github.dp3taskqueue.task.ControlMessage;
import io.github.dp3taskqueue.task.InvalidTaskException;
import io.github.dp3taskqueue.task.ReceivedTask;
import io.github.dp3taskqueue.task.Snapshot;
import io.github.dp3taskqueue.task.Task;
import io.github.dp3taskqueue.task.TaskJsonReader;
import io.github.dp3taskqueue.task.TaskJsonWriter;
import io.github.dp3taskqueue.task.TaskKind;
import io.github.dp3taskqueue.topology.TopologyNames;

/**
 * The publish data path up to the wire: exchange body, then tasks (parsed and validated), then
 * canonical eids and the worker DP3 would pick, then exchange and routing key. Every task of a
 * body is validated before any message is planned, so a refused body publishes nothing.
 */
public final class PublishPlanner {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TaskKind kind;
    private final EntityModel model;
    private final TopologyNames names;
    private final int workers;
    private final boolean priority;
    private final boolean broadcast;
    private final boolean skipInvalid;

    public PublishPlanner(TaskKind kind, EntityModel model, TopologyNames names, int workers, boolean priority,
            boolean broadcast, boolean skipInvalid) {
        this.kind = kind;
        this.model = model;
        this.names = names;
        this.workers = workers;
        this.priority = priority;
        this.broadcast = broadcast;
        this.skipInvalid = skipInvalid;
    }

    /** What to publish for this exchange. */
    public List<OutgoingMessage> plan(Exchange exchange) {
        Message in = exchange.getMessage();
        in.removeHeader(TaskQueueConstants.INVALID_TASKS);
        List<Task> tasks = skipInvalid ? validTasks(exchange, in.getBody()) : tasks(exchange, in.getBody());
        boolean toPriority = flagHeader(exchange, TaskQueueConstants.PRIORITY, priority);
        boolean toAll = flagHeader(exchange, TaskQueueConstants.BROADCAST, broadcast);
        String routingKey = in.getHeader(TaskQueueConstants.ROUTING_KEY, String.class);
        String target = names.exchangeFor(kind, toPriority);
        List<OutgoingMessage> messages = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            byte[] body = TaskJsonWriter.toBytes(task);
            if (routingKey != null) {
                messages.add(new OutgoingMessage(body, target, routingKey, workerOf(routingKey)));
            } else if (toAll || isBroadcastByDp3(task)) {
                for (int i = 0; i < workers; i++) {
                    messages.add(new OutgoingMessage(body, target, TopologyNames.routingKey(i), i));
                }
            } else {
                int worker = task instanceof ControlMessage ? 0 : Dp3Hash.worker(task.hashKey(), workers);
                messages.add(new OutgoingMessage(body, target, TopologyNames.routingKey(worker), worker));
            }
        }
        return messages;
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

    /**
     * DP3 broadcasts snapshot run markers and control refreshes (PROTOCOL.md §3); it sends
     * {@code make_snapshots} to worker 0 and hashes snapshot tasks.
     */
    private static boolean isBroadcastByDp3(Task task) {
        if (task instanceof Snapshot s) {
            return !"task".equals(s.type());
        }
        return task instanceof ControlMessage c && !"make_snapshots".equals(c.action());
    }

    private static int workerOf(String routingKey) {
        try {
            return Integer.parseInt(routingKey);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private List<Task> tasks(Exchange exchange, Object body) {
        if (body == null) {
            throw new InvalidTaskException("the message body is empty: expected a DP3 " + kind.optionValue() + " task");
        }
        List<Task> parsed;
        if (body instanceof Task task) {
            parsed = List.of(checkKind(task));
        } else if (body instanceof ReceivedTask received) {
            parsed = List.of(received.task() != null ? checkKind(received.task()) : TaskJsonReader.read(kind, received.body()));
        } else if (body instanceof Collection<?> || body instanceof Iterable<?> || body instanceof Object[]) {
            parsed = TaskJsonReader.fromNodes(kind, items(body));
        } else if (body instanceof Map<?, ?> map) {
            parsed = List.of(TaskJsonReader.fromNode(kind, MAPPER.valueToTree(map)));
        } else if (body instanceof JsonNode node) {
            parsed = node.isArray() ? TaskJsonReader.fromNodes(kind, items(node)) : List.of(TaskJsonReader.fromNode(kind, node));
        } else {
            byte[] bytes = body instanceof byte[] b ? b
                    : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                    : exchange.getContext().getTypeConverter().tryConvertTo(byte[].class, exchange, body);
            if (bytes == null) {
                throw new InvalidTaskException("cannot read a DP3 task from a body of type " + body.getClass().getName());
            }
            parsed = TaskJsonReader.readMany(kind, bytes);
        }
        return canonical(parsed);
    }

    /**
     * With {@code skipInvalidTasks}: every valid task of the body, each item checked on its own
     * (JSON lines line by line, so one malformed line does not hide the rest); the refused items
     * are listed in the header {@code CamelDp3InvalidTasks}.
     */
    private List<Task> validTasks(Exchange exchange, Object body) {
        if (body == null) {
            throw new InvalidTaskException("the message body is empty: expected a DP3 " + kind.optionValue() + " task");
        }
        List<Object> items = new ArrayList<>();
        if (body instanceof Collection<?> || body instanceof Object[] || (body instanceof Iterable<?> && !(body instanceof JsonNode))) {
            Iterator<?> iterator = body instanceof Object[] array ? List.of(array).iterator() : ((Iterable<?>) body).iterator();
            iterator.forEachRemaining(items::add);
        } else if (body instanceof Task || body instanceof ReceivedTask || body instanceof Map<?, ?> || body instanceof JsonNode) {
            items.add(body);
        } else {
            byte[] bytes = body instanceof byte[] b ? b : body instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                    : exchange.getContext().getTypeConverter().tryConvertTo(byte[].class, exchange, body);
            if (bytes == null) {
                throw new InvalidTaskException("cannot read DP3 tasks from a body of type " + body.getClass().getName());
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.stripLeading().startsWith("[")) {
                TaskJsonReader.parse(bytes).forEach(items::add);
            } else {
                text.lines().forEach(items::add); // blank lines are dropped below
            }
        }
        List<Task> tasks = new ArrayList<>(items.size());
        List<String> invalid = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item instanceof String line && line.isBlank()) {
                continue;
            }
            try {
                tasks.add(model.canonical(toTask(item, i)));
            } catch (InvalidTaskException e) {
                invalid.add("item " + i + ": " + e.getMessage());
            }
        }
        if (!invalid.isEmpty()) {
            exchange.getMessage().setHeader(TaskQueueConstants.INVALID_TASKS, invalid);
        }
        return tasks;
    }

    private Task toTask(Object item, int index) {
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
        if (item instanceof String text) {
            return TaskJsonReader.read(kind, text.getBytes(StandardCharsets.UTF_8));
        }
        if (item instanceof byte[] bytes) {
            return TaskJsonReader.read(kind, bytes);
        }
        throw new InvalidTaskException("item " + index + " is a " + (item == null ? "null" : item.getClass().getName())
                + ", not a DP3 task or its JSON");
    }

    /** Canonicalises every task, refusing the whole body when any is invalid (listed by index). */
    private List<Task> canonical(List<Task> tasks) {
        if (tasks.size() == 1) {
            return List.of(model.canonical(tasks.get(0)));
        }
        List<Task> result = new ArrayList<>(tasks.size());
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            try {
                result.add(model.canonical(tasks.get(i)));
            } catch (InvalidTaskException e) {
                errors.add("item " + i + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidTaskException("the batch of " + tasks.size() + " tasks was refused, nothing published; "
                    + errors.size() + " invalid: " + String.join("; ", errors.subList(0, Math.min(20, errors.size())))
                    + (errors.size() > 20 ? "; ..." : ""));
        }
        return result;
    }

    private Task checkKind(Task task) {
        if (task.kind() != kind) {
            throw new InvalidTaskException("a " + task.kind().optionValue() + " task was sent to an endpoint with taskType="
                    + kind.optionValue());
        }
        return task;
    }

    /** The items of a collection body, each a task or a JSON node of one. */
    private List<Object> items(Object body) {
        Iterator<?> iterator = body instanceof Object[] array ? List.of(array).iterator() : ((Iterable<?>) body).iterator();
        List<Object> items = new ArrayList<>();
        int index = 0;
        while (iterator.hasNext()) {
            Object item = iterator.next();
            if (item instanceof Task task) {
                items.add(checkKind(task));
            } else if (item instanceof ReceivedTask received) {
                items.add(parseItem(received.body(), index));
            } else if (item instanceof JsonNode node) {
                items.add(node);
            } else if (item instanceof String || item instanceof byte[] || item instanceof InputStream) {
                byte[] bytes = item instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : item instanceof byte[] b ? b : readAll((InputStream) item);
                items.add(parseItem(bytes, index));
            } else if (item instanceof Map<?, ?> map) {
                items.add(MAPPER.valueToTree(map));
            } else {
                throw new InvalidTaskException("item " + index + " of the batch is a " + (item == null ? "null" : item.getClass().getName())
                        + ", not a DP3 task or its JSON; nothing published");
            }
            index++;
        }
        return items;
    }

    private static JsonNode parseItem(byte[] bytes, int index) {
        try {
            return TaskJsonReader.parse(bytes);
        } catch (InvalidTaskException e) {
            throw new InvalidTaskException("the batch was refused, nothing published; item " + index + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readAll(InputStream stream) {
        try (stream) {
            return stream.readAllBytes();
        } catch (java.io.IOException e) {
            throw new InvalidTaskException("cannot read a batch item: " + e.getMessage(), e);
        }
    }
}
