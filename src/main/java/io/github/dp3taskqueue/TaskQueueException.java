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
