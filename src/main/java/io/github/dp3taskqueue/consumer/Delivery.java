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
package io.github.dp3taskqueue.consumer;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Envelope;

/**
 * One message pushed by the broker, tied to the channel that delivered it: its delivery tag is
 * valid on that channel only, so it is acked there or not at all.
 *
 * @param acks       settles the deliveries of the delivering channel
 * @param queue      the queue it came from
 * @param priority   whether that is the worker's priority queue
 * @param envelope   delivery tag, redelivered flag, exchange and routing key
 * @param properties the AMQP properties
 * @param parsed     the body as received and read as a task, or the error that says why it is not
 *                   one: read when the message arrives, on amqp-client's delivery thread, so that
 *                   the worker thread does not read it on the way from one message to the next
 */
record Delivery(ChannelAcks acks, String queue, boolean priority, Envelope envelope, AMQP.BasicProperties properties,
        DeliveryExchanges.Parsed parsed) {

    /** The delivering channel. */
    Channel channel() {
        return acks.channel();
    }

    long tag() {
        return envelope.getDeliveryTag();
    }
}
