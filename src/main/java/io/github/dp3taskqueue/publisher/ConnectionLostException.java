package io.github.dp3taskqueue.publisher;

import io.github.dp3taskqueue.TaskQueueException;

/**
 * The connection to RabbitMQ was lost and not re-established within {@code queueFullTimeout}
 * (the producer keeps reconnecting after {@code retryDelays}). The message says whether the task
 * may be in a queue: one written before the loss and never confirmed may be; one never written is not.
 */
public class ConnectionLostException extends TaskQueueException {

    private static final long serialVersionUID = 1L;

    public ConnectionLostException(String exchange, String routingKey, long waitedMillis, boolean written) {
        super("RabbitMQ has been unreachable for longer than queueFullTimeout: the task for exchange '" + exchange
                + "', routing key '" + routingKey + "' waited " + waitedMillis + " ms and "
                + (written ? "was written before the connection was lost but never confirmed (it may be in the queue)"
                        : "was not published (it is in no queue)")
                + ". The producer keeps reconnecting (retryDelays).");
    }
}
