package io.github.dp3taskqueue;

/**
 * The option {@code input}: the form of the bodies a producer publishes. Written in any case in a
 * URI ({@code task}, {@code api}).
 */
public enum InputForm {
    /** DP3 tasks in the worker form: one, a collection, a JSON array or JSON lines */
    TASK,
    /**
     * the body of DP3's HTTP {@code POST /datapoints}: a JSON array of data points ({@code type},
     * {@code id}, {@code attr}, {@code v}, ...), validated and grouped into tasks as DP3's API does
     */
    API
}
