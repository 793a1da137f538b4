package io.github.dp3taskqueue.publisher;

import io.github.dp3taskqueue.TaskQueueException;

/**
 * The broker refused a publish because the user may not write to the exchange (ACCESS_REFUSED on
 * the channel). Republishing cannot succeed: the task is in no queue. A refused login is a
 * {@code ConnectFailedException} instead.
 */
public class AccessRefusedException extends TaskQueueException {

    private static final long serialVersionUID = 1L;

    public AccessRefusedException(String replyText) {
        super("RabbitMQ refused the publish: " + replyText
                + " (the user needs write permission on the DP3 exchanges); the task is in no queue");
    }
}
