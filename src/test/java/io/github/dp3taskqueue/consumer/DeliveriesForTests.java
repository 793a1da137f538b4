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

import java.lang.reflect.Proxy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Envelope;

import io.github.dp3taskqueue.dp3.json.TaskJsonReader;
import io.github.dp3taskqueue.dp3.task.ReceivedTask;
import io.github.dp3taskqueue.dp3.task.TaskKind;
import io.github.dp3taskqueue.metrics.TaskQueueMetrics;

/** Deliveries of data point tasks on a channel that is open and does nothing, for tests without a broker. */
final class DeliveriesForTests {

    static final Channel CHANNEL = (Channel) Proxy.newProxyInstance(DeliveriesForTests.class.getClassLoader(),
            new Class<?>[]{Channel.class}, (p, method, args) -> switch (method.getName()) {
                case "isOpen" -> true;
                case "hashCode" -> System.identityHashCode(p);
                case "equals" -> p == args[0];
                default -> null;
            });
    private static final ChannelAcks ACKS = ChannelAcks.immediate(CHANNEL, "q",
            new ConsumerMetrics(TaskQueueMetrics.NONE));

    private DeliveriesForTests() {
    }

    /** A delivery of a task for entity {@code e:eid}, tagged {@code tag}. */
    static Delivery task(String eid, long tag, boolean priority) {
        byte[] body = ("{\"etype\":\"e\",\"eid\":\"" + eid + "\",\"delete\":true}").getBytes();
        return new Delivery(ACKS, priority ? "q-pri" : "q", priority,
                new Envelope(tag, false, "x", priority ? "p" : "0"),
                new AMQP.BasicProperties(),
                new DeliveryExchanges.Parsed(new ReceivedTask(body, TaskJsonReader.read(TaskKind.DATAPOINT, body)),
                        null));
    }
}
