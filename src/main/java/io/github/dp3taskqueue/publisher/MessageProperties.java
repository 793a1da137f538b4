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

import java.util.Date;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.rabbitmq.client.AMQP;

/**
 * The AMQP properties DP3's client sets (PROTOCOL.md §4: utf-8 encoding, UUID4 message and
 * correlation ids, a timestamp in whole seconds) plus {@code application/json}, unless disabled
 * persistent delivery, and the message's own headers (a trace context), which DP3's readers ignore.
 */
public final class MessageProperties {

    private MessageProperties() {
    }

    static AMQP.BasicProperties create(OutgoingMessage message, boolean persistent) {
        long seconds = System.currentTimeMillis() / 1000;
        return new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .contentEncoding("utf-8")
                .messageId(message.messageId())
                .correlationId(uuid4())
                .timestamp(new Date(seconds * 1000))
                .deliveryMode(persistent ? 2 : null)
                .headers(message.headers())
                .build();
    }

    /** A new message id, as DP3's client makes them: a random UUID. */
    public static String newMessageId() {
        return uuid4();
    }

    /** A random (version 4) UUID; ThreadLocalRandom avoids SecureRandom's lock on the hot path. */
    private static String uuid4() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }
}
