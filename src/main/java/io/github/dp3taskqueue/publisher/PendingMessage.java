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

import com.rabbitmq.client.AMQP;

/**
 * A message between its first publish and its final confirm or failure. Its properties, and so
 * its message id, stay the same across republishes, so that duplicates can be recognised.
 */
final class PendingMessage {

    final OutgoingMessage message;
    final AMQP.BasicProperties properties;
    final PublishBatch batch;
    final long firstPublishNanos;
    volatile String returnedReason;
    // whether the broker may hold it: written and neither nacked nor known to be lost unread
    volatile boolean written;

    PendingMessage(OutgoingMessage message, AMQP.BasicProperties properties, PublishBatch batch) {
        this.message = message;
        this.properties = properties;
        this.batch = batch;
        this.firstPublishNanos = System.nanoTime();
    }
}
