package io.github.dp3taskqueue;

/**
 * The base of every exception a {@code dp3-taskqueue} endpoint fails an exchange with, so that a
 * route can handle the component's failures with one {@code onException(TaskQueueException.class)}.
 * Two families sit under it:
 * <ul>
 * <li>input errors, which retrying cannot heal: {@code InvalidTaskException} (not a DP3 task, with
 * the raw body) and its {@code RefusedTaskException} (refused by DP3's data model, with every
 * problem);</li>
 * <li>outcomes of publishing and connecting: {@code ConnectFailedException} (cannot connect),
 * {@code ConnectionLostException} (connection lost for longer than {@code queueFullTimeout}),
 * {@code PublishBlockedException} (a resource alarm for longer than {@code queueFullTimeout}),
 * {@code QueueFullException}, {@code UnroutableTaskException}, {@code AccessRefusedException},
 * {@code ProducerStoppedException} and {@code TopologyException} (missing or different topology).</li>
 * </ul>
 * Each message says what happened and whether the task may be in a queue. A wrong option or DP3
 * config directory is not among them: it fails the endpoint's creation (as an
 * {@link IllegalArgumentException}, which Camel wraps), before any exchange.
 */
public abstract class TaskQueueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected TaskQueueException(String message) {
        super(message);
    }

    protected TaskQueueException(String message, Throwable cause) {
        super(message, cause);
    }
}
