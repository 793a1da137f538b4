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
package io.github.dp3taskqueue.publisher;

import io.github.dp3taskqueue.TaskQueueException;

/**
 * The broker blocked this producer's connection (a memory or disk alarm) and the task was held
 * for longer than {@code queueFullTimeout}. The task was never written to the broker, so it
 * cannot reach a queue later: retrying it cannot make a duplicate.
 */
public class PublishBlockedException extends TaskQueueException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public PublishBlockedException(String reason, String exchange, String routingKey, long heldMillis) {
        super("RabbitMQ blocked publishing (" + reason + "): the task for exchange '" + exchange + "', routing key '"
                + routingKey + "' was held for " + heldMillis
                + " ms, longer than queueFullTimeout, and was not published"
                + " (it is in no queue). Publishing resumes when the broker's resource alarm clears"
                + " (rabbitmq-diagnostics alarms).");
        this.reason = reason;
    }

    /** The reason the broker gave, e.g. {@code low on memory}. */
    public String getReason() {
        return reason;
    }
}
