package io.github.dp3taskqueue;

/**
 * The option {@code onFailure}: what is done with a message whose exchange failed and no error
 * handler dealt with it. Written in any case in a URI ({@code requeue}, {@code reject}).
 */
public enum FailurePolicy {
    /** nack with requeue: the broker delivers it again (beware of a poison message looping). */
    REQUEUE,
    /** nack without requeue: the queue's dead-letter exchange, if configured, receives it. */
    REJECT
}
