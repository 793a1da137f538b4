package io.github.dp3taskqueue.topology;

import io.github.dp3taskqueue.TaskQueueException;

/** The DP3 topology on the broker is missing or differs from what this endpoint needs. */
public class TopologyException extends TaskQueueException {

    private static final long serialVersionUID = 1L;

    public TopologyException(String message, Throwable cause) {
        super(message, cause);
    }
}
