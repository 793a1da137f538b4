package io.github.dp3taskqueue.producer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.dp3taskqueue.TaskQueueConstants;
import io.github.dp3taskqueue.dp3.json.TaskJsonReader;
import io.github.dp3taskqueue.dp3.json.TaskJsonWriter;
import io.github.dp3taskqueue.dp3.model.ApiDataPoints;
import io.github.dp3taskqueue.dp3.model.DataModel;
import io.github.dp3taskqueue.dp3.model.TaskValidator;
import io.github.dp3taskqueue.dp3.model.ValidatedTask;
import io.github.dp3taskqueue.dp3.routing.Dp3Hash;
import io.github.dp3taskqueue.dp3.task.ControlMessage;
import io.github.dp3taskqueue.dp3.task.InvalidTaskException;
import io.github.dp3taskqueue.dp3.task.ReceivedTask;
import io.github.dp3taskqueue.dp3.task.Snapshot;
import io.github.dp3taskqueue.dp3.task.Task;
import io.github.dp3taskqueue.dp3.task.TaskKind;
import io.github.dp3taskqueue.topology.TopologyNames;

/**
 * The publish data path up to the wire: exchange body, then tasks (parsed and validated), then
 * canonical eids and the worker DP3 would pick, then exchange and routing key. Every task of a
 * body is validated before any message is planned, so a refused body publishes nothing.
 */
public final class PublishPlanner {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] RENAMED_HEADERS = {"CamelDp3Priority", "CamelDp3Broadcast"};

    private final TaskKind kind;
    private final DataModel model;
    private final TopologyNames names;
    private final int workers;
    private final boolean priority;
    private final boolean broadcast;
    private final boolean skipInvalid;
    private final TaskValidator validator;
    private final ApiDataPoints api;

    public PublishPlanner(TaskKind kind, DataModel model, TopologyNames names, int workers, boolean priority,
            boolean broadcast, boolean skipInvalid) {
        this(kind, model, names, workers, priority, broadcast, skipInvalid, null);
    }

    /**
     * @param validator DP3's data model, which data point tasks must pass (and whose bytes are
     *                  published); {@code null} without {@code configDir}
     */
    public PublishPlanner(TaskKind kind, DataModel model, TopologyNames names, int workers, boolean priority,
            boolean broadcast, boolean skipInvalid, TaskValidator validator) {
        this(kind, model, names, workers, priority, broadcast, skipInvalid, validator, null);
    }

    /** @param api with {@code input=api}: bodies are DP3's API data points; else {@code null} */
    public PublishPlanner(TaskKind kind, DataModel model, TopologyNames names, int workers, boolean priority,
            boolean broadcast, boolean skipInvalid, TaskValidator validator, ApiDataPoints api) {
        this.validator = kind == TaskKind.DATAPOINT ? validator : null;
        this.api = kind == TaskKind.DATAPOINT ? api : null;
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
        Object payload = in.getBody();
        if (payload instanceof String text) {
            payload = text.getBytes(StandardCharsets.UTF_8); // once, for the fast path and for BodyItems alike
        }
        refuseRenamedHeaders(in);
        boolean toPriority = flagHeader(exchange, TaskQueueConstants.PRIORITY_OVERRIDE, priority);
        boolean toAll = flagHeader(exchange, TaskQueueConstants.BROADCAST_OVERRIDE, broadcast);
        String routingKey = in.getHeader(TaskQueueConstants.ROUTING_KEY_OVERRIDE, String.class);
        String target = names.exchangeFor(kind, toPriority);
        if (validator != null || api != null) {
            List<ValidatedTask> checked = api != null ? ApiBody.of(exchange, payload, api)
                    : ValidatedBody.of(exchange, payload, validator, skipInvalid);
            List<OutgoingMessage> messages = new ArrayList<>(checked.size());
            for (ValidatedTask task : checked) {
                add(messages, task.message(), target, routingKey, toAll, false, task.routingKey(), false);
            }
            return messages;
        }
        List<Task> tasks = tasks(exchange, BodyItems.of(exchange, payload));
        List<OutgoingMessage> messages = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            add(messages, TaskJsonWriter.toBytes(task), target, routingKey, toAll, isBroadcastByDp3(task),
                    task.hashKey(),
                    task instanceof ControlMessage);
        }
        return messages;
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

    private void add(List<OutgoingMessage> messages, byte[] body, String target, String routingKey, boolean toAll,
            boolean broadcastByDp3, String hashKey, boolean toWorkerZero) {
        {
            if (routingKey != null) {
                messages.add(new OutgoingMessage(body, target, routingKey, workerOf(routingKey)));
            } else if (toAll || broadcastByDp3) {
                for (int i = 0; i < workers; i++) {
                    messages.add(new OutgoingMessage(body, target, TopologyNames.routingKey(i), i));
                }
            } else {
                int worker = toWorkerZero ? 0 : Dp3Hash.worker(hashKey, workers);
                messages.add(new OutgoingMessage(body, target, TopologyNames.routingKey(worker), worker));
            }
        }
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

    /**
     * Every item as a canonical task. Without {@code skipInvalidTasks} one invalid item refuses the
     * whole body, listing every bad item by index, so that nothing of it is published; with it the
     * valid tasks go out and the bad items are listed in the header {@code CamelDp3InvalidTasks}.
     */
    private List<Task> tasks(Exchange exchange, List<Object> items) {
        if (items.isEmpty()) {
            throw new InvalidTaskException("the batch is empty: expected at least one task");
        }
        if (items.size() == 1 && !skipInvalid) {
            return List.of(model.canonical(toTask(items.get(0), 0)));
        }
        List<Task> tasks = new ArrayList<>(items.size());
        List<String> invalid = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                tasks.add(model.canonical(toTask(items.get(i), i)));
            } catch (InvalidTaskException e) {
                invalid.add(JsonLines.name(items.get(i), i) + ": " + e.getMessage());
            }
        }
        InvalidItems.settle(exchange, items.size(), invalid, skipInvalid);
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
