/*
 * Copyright 2026 the dp3-taskqueue authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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
