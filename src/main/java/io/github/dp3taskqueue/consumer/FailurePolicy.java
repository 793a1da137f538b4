package io.github.dp3taskqueue.consumer;

import java.util.Locale;

/** What is done with a message whose exchange failed and no error handler dealt with it. */
public enum FailurePolicy {
    /** nack with requeue: the broker delivers it again (beware of a poison message looping). */
    REQUEUE,
    /** nack without requeue: the queue's dead-letter exchange, if configured, receives it. */
    REJECT;

    public static FailurePolicy fromOption(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("onFailure must be requeue or reject; got '" + value + "'", e);
        }
    }
}
