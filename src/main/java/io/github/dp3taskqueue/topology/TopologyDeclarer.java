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
package io.github.dp3taskqueue.topology;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;

import io.github.dp3taskqueue.connection.BrokerProduct;
import io.github.dp3taskqueue.connection.BrokerReplies;
import io.github.dp3taskqueue.connection.ChannelSource;

/**
 * Declares a DP3 topology, idempotently: declaring what exists with the same arguments is a
 * no-op on the broker. A queue that exists with other arguments makes RabbitMQ answer
 * PRECONDITION_FAILED; that becomes an error naming the queue and both argument sets.
 */
public final class TopologyDeclarer {

    private static final Logger LOG = LoggerFactory.getLogger(TopologyDeclarer.class);

    private TopologyDeclarer() {
    }

    /** @param announce whether to say so in the log (once per application, not once per endpoint) */
    public static void declare(ChannelSource channels, Topology topology, boolean announce) {
        try {
            Channel channel = channels.openChannel();
            try {
                for (String exchange : topology.exchanges()) {
                    channel.exchangeDeclare(exchange, BuiltinExchangeType.DIRECT, true, false, null);
                }
                BrokerProduct product = BrokerProduct.of(channel.getConnection());
                if (topology.quorum() && product == BrokerProduct.QPID) {
                    throw new TopologyException(
                            "queueType=quorum needs RabbitMQ: the embedded broker has no quorum queues", null);
                }
                if (announce) {
                    LOG.info("declaring the DP3 topology of '{}' for {} workers on {}", topology.names().application(),
                            topology.workers(), product);
                }
                for (Topology.QueueSpec queue : topology.queues(product)) {
                    channel = declareQueue(channels, channel, queue);
                    channel.queueBind(queue.name(), queue.exchange(), TopologyNames.routingKey(queue.worker()));
                }
            } finally {
                closeQuietly(channel);
            }
        } catch (IOException e) {
            throw new TopologyException(
                    "declaring the DP3 topology of '" + topology.names().application() + "' failed: "
                            + BrokerReplies.describe(e),
                    e);
        }
    }

    private static Channel declareQueue(ChannelSource channels, Channel channel, Topology.QueueSpec queue)
            throws IOException {
        Map<String, Object> arguments = queue.arguments().isEmpty() ? null : queue.arguments();
        try {
            channel.queueDeclare(queue.name(), true, false, false, arguments);
            return channel;
        } catch (IOException e) {
            ShutdownSignalException signal = BrokerReplies.signal(e);
            if (signal != null && BrokerReplies.replyCode(signal) == 406) {
                throw new TopologyException("queue '" + queue.name() + "' exists with other arguments than DP3's "
                        + queue.arguments() + "; the broker said: " + BrokerReplies.replyText(signal)
                        + ". Delete or migrate the queue, or set normalQueueMaxLength to match it.", e);
            }
            throw e;
        }
    }

    public static void closeQuietly(Channel channel) {
        try {
            if (channel != null && channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | RuntimeException | TimeoutException e) {
            // the channel is going away either way
        }
    }
}
