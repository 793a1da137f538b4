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

import java.util.Map;

/**
 * One message to publish: a task's DP3 JSON to one worker.
 *
 * @param body       the DP3 JSON of the task
 * @param exchange   the exchange
 * @param routingKey the routing key (the worker index in decimal)
 * @param worker     the worker index, or -1 when a routing-key header named something else
 * @param messageId  the AMQP message id (a UUID4, as DP3's client makes them)
 * @param headers    AMQP headers to send with it (trace context), or {@code null}: none, as DP3
 */
public record OutgoingMessage(byte[] body, String exchange, String routingKey, int worker, String messageId,
        Map<String, Object> headers) {

    /** A message with a new message id and no headers. */
    public OutgoingMessage(byte[] body, String exchange, String routingKey, int worker) {
        this(body, exchange, routingKey, worker, MessageProperties.newMessageId(), null);
    }
}
