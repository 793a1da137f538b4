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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.dp3taskqueue.connection.BrokerProduct;
import io.github.dp3taskqueue.dp3.task.TaskKind;

/**
 * The DP3 topology of one application and worker count, as DP3's {@code rmq_reconfigure.sh}
 * declares it (PROTOCOL.md §1): what to declare, and what an endpoint must find present.
 *
 * @param names                the names
 * @param workers              the number of workers
 * @param normalQueueMaxLength the bound of the normal queues (DP3: 10,000; before 2023: 100)
 * @param quorum               worker queues as RabbitMQ quorum queues (replicated) instead of classic ones
 */
public record Topology(TopologyNames names, int workers, int normalQueueMaxLength, boolean quorum) {

    public Topology(TopologyNames names, int workers, int normalQueueMaxLength) {
        this(names, workers, normalQueueMaxLength, false);
    }

    public static final int DP3_NORMAL_QUEUE_MAX_LENGTH = 10_000;

    /**
     * The arguments of a normal worker queue: bounded, refusing (not dropping) when full. RabbitMQ
     * takes DP3's {@code x-max-length}/{@code x-overflow}; Qpid Broker-J (the embedded broker)
     * refuses those and has {@code qpid.max_count}/{@code qpid.policy_type=reject} instead.
     */
    public Map<String, Object> normalQueueArguments(BrokerProduct product) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        if (product == BrokerProduct.QPID) {
            arguments.put("qpid.max_count", normalQueueMaxLength);
            arguments.put("qpid.policy_type", "reject");
        } else {
            arguments.put("x-max-length", normalQueueMaxLength);
            arguments.put("x-overflow", "reject-publish");
        }
        arguments.putAll(typeArguments());
        return arguments;
    }

    /** {@code x-queue-type: quorum} for quorum queues; nothing (the broker's default, classic) otherwise. */
    private Map<String, Object> typeArguments() {
        return quorum ? Map.of("x-queue-type", "quorum") : Map.of();
    }

    /** The arguments of a normal worker queue on RabbitMQ (DP3's). */
    public Map<String, Object> normalQueueArguments() {
        return normalQueueArguments(BrokerProduct.RABBITMQ);
    }

    /** Every exchange of the application. */
    public List<String> exchanges() {
        return List.of(names.mainExchange(), names.priorityExchange(), names.snapshotExchange(),
                names.controlExchange());
    }

    /** A queue to declare: its name, arguments, and the exchange it is bound to with key {@code worker}. */
    public record QueueSpec(String name, Map<String, Object> arguments, String exchange, int worker) {
    }

    public List<QueueSpec> queues(BrokerProduct product) {
        List<QueueSpec> queues = new ArrayList<>(workers * 4);
        for (int i = 0; i < workers; i++) {
            queues.add(new QueueSpec(names.normalQueue(i), normalQueueArguments(product), names.mainExchange(), i));
            queues.add(new QueueSpec(names.priorityQueue(i), typeArguments(), names.priorityExchange(), i));
            queues.add(new QueueSpec(names.snapshotQueue(i), typeArguments(), names.snapshotExchange(), i));
            queues.add(new QueueSpec(names.controlQueue(i), typeArguments(), names.controlExchange(), i));
        }
        return queues;
    }

    /** The exchanges a writer of this kind checks at start-up (DP3 checks the main and priority ones). */
    public List<String> exchangesWrittenBy(TaskKind kind) {
        return switch (kind) {
            case DATAPOINT -> List.of(names.mainExchange(), names.priorityExchange());
            case SNAPSHOT -> List.of(names.snapshotExchange());
            case CONTROL -> List.of(names.controlExchange());
        };
    }
}
