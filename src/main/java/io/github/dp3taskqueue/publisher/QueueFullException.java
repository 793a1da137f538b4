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
 * The worker queue stayed full (the broker refused the task under {@code reject-publish}) for
 * longer than {@code queueFullTimeout}. The task was not enqueued.
 */
public class QueueFullException extends TaskQueueException {

    private static final long serialVersionUID = 1L;

    private final String queue;

    public QueueFullException(String queue, String exchange, String routingKey, long waitedMillis) {
        super("worker queue '" + queue + "' is full: the broker refused the task (exchange '" + exchange
                + "', routing key '" + routingKey + "') for " + waitedMillis + " ms, longer than queueFullTimeout;"
                + " the task was not enqueued. Are the DP3 workers running?");
        this.queue = queue;
    }

    public String getQueue() {
        return queue;
    }
}
