package io.github.dp3taskqueue.connection;

import io.github.dp3taskqueue.TaskQueueException;

/**
 * The broker could not be reached or refused the connection. The message names host, port and
 * virtual host only, never credentials. {@link #isPermanent()} tells whether waiting can heal it:
 * a wrong password or a missing virtual host does not, a broker still starting does.
 */
public class ConnectFailedException extends TaskQueueException {

    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    public ConnectFailedException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean isPermanent() {
        return permanent;
    }
}
