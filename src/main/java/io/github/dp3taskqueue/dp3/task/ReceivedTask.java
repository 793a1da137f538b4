package io.github.dp3taskqueue.dp3.task;

import java.nio.charset.StandardCharsets;

/**
 * A task as a consumer received it: the body exactly as it came off the queue, and the task
 * parsed from it. Converting it to {@code String} or {@code byte[]} gives the received bytes,
 * never a re-serialisation; converting it to a task type gives the parsed task.
 */
public final class ReceivedTask {

    private final byte[] body;
    private final Task task;

    public ReceivedTask(byte[] body, Task task) {
        this.body = body;
        this.task = task;
    }

    /** The body as received. */
    public byte[] body() {
        return body;
    }

    /** The parsed task. */
    public Task task() {
        return task;
    }

    public String json() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return json();
    }
}
