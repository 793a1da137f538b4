package io.github.dp3taskqueue.producer;

import java.util.List;

import org.apache.camel.Exchange;

import io.github.dp3taskqueue.TaskQueueConstants;
import io.github.dp3taskqueue.dp3.task.InvalidTaskException;

/**
 * What a batch with invalid items becomes: without {@code skipInvalidTasks} one refusal listing them
 * (nothing of the batch is published), with it the list in the header {@code CamelDp3InvalidTasks}.
 */
final class InvalidItems {

    private static final int LISTED = 20;

    private InvalidItems() {
    }

    static void settle(Exchange exchange, int size, List<String> invalid, boolean skipInvalid) {
        if (invalid.isEmpty()) {
            return;
        }
        if (!skipInvalid) {
            throw new InvalidTaskException("the batch of " + size + " tasks was refused, nothing published; "
                    + invalid.size() + " invalid: "
                    + String.join("; ", invalid.subList(0, Math.min(LISTED, invalid.size())))
                    + (invalid.size() > LISTED ? "; ..." : ""));
        }
        exchange.getMessage().setHeader(TaskQueueConstants.INVALID_TASKS, invalid);
    }
}
