package io.github.dp3taskqueue.dp3.task;

import io.github.dp3taskqueue.TaskQueueException;

/**
 * A body or task that is not a valid DP3 task. The message names the problem; the raw body, when
 * there was one, is kept so that an error handler can log or dead-letter it unchanged.
 */
public class InvalidTaskException extends TaskQueueException {

    private static final long serialVersionUID = 1L;

    private final transient byte[] rawBody;

    public InvalidTaskException(String message) {
        this(message, null, null);
    }

    public InvalidTaskException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public InvalidTaskException(String message, byte[] rawBody, Throwable cause) {
        super(message, cause);
        this.rawBody = rawBody;
    }

    /** A copy of this exception that carries the raw body it was found in. */
    public InvalidTaskException withRawBody(byte[] body) {
        InvalidTaskException copy = new InvalidTaskException(getMessage(), body, getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** The body as received, or {@code null} when the task did not come from bytes. */
    public byte[] getRawBody() {
        return rawBody;
    }
}
