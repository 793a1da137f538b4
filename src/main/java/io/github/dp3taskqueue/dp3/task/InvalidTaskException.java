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

import java.util.List;

import io.github.dp3taskqueue.TaskQueueException;

/**
 * A body or task that is not a valid DP3 task. The message names the problem; the raw body, when
 * there was one, is kept so that an error handler can log or dead-letter it unchanged. What DP3's
 * model refused in it, item by item, is in {@link #refusals()} (empty for a problem of form).
 */
public class InvalidTaskException extends TaskQueueException {

    private static final long serialVersionUID = 1L;

    private final transient byte[] rawBody;
    private final transient List<Refusal> refusals;

    public InvalidTaskException(String message) {
        this(message, null, null);
    }

    /** A body refused for what DP3's model refused in it. */
    public InvalidTaskException(String message, List<Refusal> refusals) {
        this(message, null, null, refusals);
    }

    public InvalidTaskException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public InvalidTaskException(String message, byte[] rawBody, Throwable cause) {
        this(message, rawBody, cause, List.of());
    }

    protected InvalidTaskException(String message, byte[] rawBody, Throwable cause, List<Refusal> refusals) {
        super(message, cause);
        this.rawBody = rawBody;
        this.refusals = List.copyOf(refusals);
    }

    /** A copy of this exception that carries the raw body it was found in. */
    public InvalidTaskException withRawBody(byte[] body) {
        InvalidTaskException copy = new InvalidTaskException(getMessage(), body, getCause(), refusals());
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** What DP3's model refused, one per problem; empty when the body was refused for its form. */
    public List<Refusal> refusals() {
        return refusals == null ? List.of() : refusals; // null after deserialisation
    }

    /** The body as received, or {@code null} when the task did not come from bytes. */
    public byte[] getRawBody() {
        return rawBody;
    }
}
