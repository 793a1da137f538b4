package io.github.dp3taskqueue.publisher;

import io.github.dp3taskqueue.TaskQueueException;

/**
 * The worker queue stayed full (the broker refused the task under {@code reject-publish}) for
 * longer than {@code queueFullTimeout}. The task was not enqueued.
 */
public class QueueFullException extends TaskQueueException {

    private static final long serialVersionUID = 1L;

    private final String queue;

    public QueueFullException(String queue, String exchange, String routingKey, long waitedMillis) {
        super("worker queue '" + queue + "' is full: the broker refused the task (exchange '" + exchange
                + "', routing key '" + routingKey + "') for " + waitedMillis + " ms, longer than queueFullTimeout;"
                + " the task was not enqueued. Are the DP3 workers running?");
        this.queue = queue;
    }

    public String getQueue() {
        return queue;
    }
}
