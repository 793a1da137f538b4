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
package io.github.dp3taskqueue.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

/** Publishes raw bodies with plain amqp-client and waits for the confirms (test set-up). */
public final class Publisher implements AutoCloseable {

    private final Connection connection;
    private final Channel channel;

    public Publisher() {
        try {
            connection = TestBroker.connect();
            channel = connection.createChannel();
            channel.confirmSelect();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes to the default exchange straight into {@code queue}; the message id is returned. */
    public String toQueue(String queue, String body) {
        return publish("", queue, body.getBytes(StandardCharsets.UTF_8));
    }

    public String publish(String exchange, String routingKey, byte[] body) {
        String id = UUID.randomUUID().toString();
        try {
            channel.basicPublish(exchange, routingKey, true,
                    new AMQP.BasicProperties.Builder().messageId(id).deliveryMode(2).build(), body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    public void toQueue(String queue, List<String> bodies) {
        bodies.forEach(b -> toQueue(queue, b));
        confirm();
    }

    public void confirm() {
        try {
            channel.waitForConfirmsOrDie(60_000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        connection.abort(); // also fine when a test had the broker close it
    }

    public static String task(String etype, String eid, String attr) {
        return "{\"etype\":\"" + etype + "\",\"eid\":\"" + eid + "\",\"data_points\":[{\"etype\":\"" + etype
                + "\",\"eid\":\"" + eid
                + "\",\"attr\":\"" + attr + "\",\"v\":1}]}";
    }
}
