package io.github.dp3taskqueue.publisher;

import io.github.dp3taskqueue.TaskQueueException;

/**
 * The broker returned the task as unroutable: no queue is bound to the exchange with that
 * routing key, typically because {@code workers} is larger than the deployed topology.
 */
public class UnroutableTaskException extends TaskQueueException {

    private static final long serialVersionUID = 1L;

    public UnroutableTaskException(String exchange, String routingKey, String replyText) {
        super("the broker returned the task as unroutable (" + replyText + "): exchange '" + exchange
                + "' has no queue bound with routing key '" + routingKey
                + "'. Is workers larger than the number of worker queues deployed?");
    }
}
