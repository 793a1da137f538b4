package io.github.dp3taskqueue.publisher;

import io.github.dp3taskqueue.TaskQueueException;

/**
 * The broker blocked this producer's connection (a memory or disk alarm) and the task was held
 * for longer than {@code queueFullTimeout}. The task was never written to the broker, so it
 * cannot reach a queue later: retrying it cannot make a duplicate.
 */
public class PublishBlockedException extends TaskQueueException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public PublishBlockedException(String reason, String exchange, String routingKey, long heldMillis) {
        super("RabbitMQ blocked publishing (" + reason + "): the task for exchange '" + exchange + "', routing key '"
                + routingKey + "' was held for " + heldMillis
                + " ms, longer than queueFullTimeout, and was not published"
                + " (it is in no queue). Publishing resumes when the broker's resource alarm clears"
                + " (rabbitmq-diagnostics alarms).");
        this.reason = reason;
    }

    /** The reason the broker gave, e.g. {@code low on memory}. */
    public String getReason() {
        return reason;
    }
}
