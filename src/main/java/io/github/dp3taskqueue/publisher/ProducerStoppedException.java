package io.github.dp3taskqueue.publisher;

import io.github.dp3taskqueue.TaskQueueException;

/** The producer stopped before a task of the exchange was confirmed; the message says whether it may be queued. */
public class ProducerStoppedException extends TaskQueueException {

    private static final long serialVersionUID = 1L;

    private ProducerStoppedException(String message) {
        super(message);
    }

    /** The task was never written to the broker (or the broker refused it): it is in no queue. */
    static ProducerStoppedException notPublished() {
        return new ProducerStoppedException("the dp3-taskqueue producer is stopped; the task was not published");
    }

    /** The publishing thread was interrupted (the route stops) while it waited: the task is in no queue. */
    static ProducerStoppedException interrupted(String waitingFor) {
        return new ProducerStoppedException("interrupted while waiting for " + waitingFor
                + "; the task was not published");
    }

    /** The task was written and its confirm had not come: the broker may have queued it. */
    static ProducerStoppedException beforeConfirm() {
        return new ProducerStoppedException("the dp3-taskqueue producer stopped before the broker confirmed the task"
                + " (it may be in the queue)");
    }
}
