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
 * The connection to RabbitMQ was lost and not re-established within {@code queueFullTimeout}
 * (the producer keeps reconnecting after {@code retryDelays}). The message says whether the task
 * may be in a queue: one written before the loss and never confirmed may be; one never written is not.
 */
public class ConnectionLostException extends TaskQueueException {

    private static final long serialVersionUID = 1L;

    public ConnectionLostException(String exchange, String routingKey, long waitedMillis, boolean written) {
        super("RabbitMQ has been unreachable for longer than queueFullTimeout: the task for exchange '" + exchange
                + "', routing key '" + routingKey + "' waited " + waitedMillis + " ms and "
                + (written ? "was written before the connection was lost but never confirmed (it may be in the queue)"
                        : "was not published (it is in no queue)")
                + ". The producer keeps reconnecting (retryDelays).");
    }
}
