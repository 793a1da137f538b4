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

import java.util.ArrayList;
import java.util.List;

import io.github.dp3taskqueue.EndpointSettings;
import io.github.dp3taskqueue.TaskQueueEndpoint;
import io.github.dp3taskqueue.connection.BrokerConnection;
import io.github.dp3taskqueue.observe.WatchedQueue;
import io.github.dp3taskqueue.topology.StartupCheck;
import io.github.dp3taskqueue.topology.TopologySession;
import io.github.dp3taskqueue.topology.WorkerCountCheck;

/** Which queues a consumer of worker {@code i} reads, priority queue first (PROTOCOL.md §1). */
final class WorkerQueues {

    private WorkerQueues() {
    }

    /**
     * Names the consumer's queues.
     *
     * @throws IllegalArgumentException naming what a consumer needs and does not have
     *         ({@link EndpointSettings#requireConsumer()})
     */
    static List<QueueReader.Source> of(EndpointSettings settings) {
        settings.requireConsumer();
        if (settings.consumer().allWorkers()) {
            List<QueueReader.Source> priority = new ArrayList<>();
            List<QueueReader.Source> rest = new ArrayList<>();
            for (int i = 0; i < settings.workers(); i++) {
                List<QueueReader.Source> worker = ofWorker(settings, i);
                worker.stream().filter(QueueReader.Source::priority).forEach(priority::add);
                worker.stream().filter(s -> !s.priority()).forEach(rest::add);
            }
            priority.addAll(rest);
            return priority;
        }
        return ofWorker(settings, settings.workerIndex());
    }

    private static List<QueueReader.Source> ofWorker(EndpointSettings settings, int index) {
        EndpointSettings.Consuming options = settings.consumer();
        var names = settings.names();
        return switch (settings.kind()) {
            case DATAPOINT -> List.of(
                    new QueueReader.Source(orDefault(options.priorityQueue(), names.priorityQueue(index)), true, index,
                            WatchedQueue.Lane.PRIORITY),
                    new QueueReader.Source(orDefault(options.queue(), names.normalQueue(index)), false, index,
                            WatchedQueue.Lane.NORMAL));
            case SNAPSHOT -> List.of(new QueueReader.Source(orDefault(options.queue(), names.snapshotQueue(index)),
                    false, index, WatchedQueue.Lane.SNAPSHOT));
            case CONTROL -> List.of(new QueueReader.Source(orDefault(options.queue(), names.controlQueue(index)),
                    false, index, WatchedQueue.Lane.CONTROL));
        };
    }

    /**
     * Connects a consumer of these queues and makes sure they exist: declared with the whole DP3
     * topology when {@code declareTopology} is set, else DP3's start-up check (passive declares).
     */
    static BrokerConnection connect(TaskQueueEndpoint endpoint, List<QueueReader.Source> sources, String purpose) {
        EndpointSettings settings = endpoint.getSettings(); // checked by of(), which gave the sources
        BrokerConnection connection = endpoint.openBrokerConnection(purpose, false);
        TopologySession.open(connection, settings.retry(), settings.topology(), settings.declareTopology(),
                new TopologySession.Uses(StartupCheck.Kind.QUEUE,
                        sources.stream().map(QueueReader.Source::queue).toList(),
                        sources.stream().filter(source -> !source.priority()).map(QueueReader.Source::queue).toList()),
                endpoint.getComponent());
        try {
            if (settings.workers() != null && settings.consumer().queue() == null) {
                WorkerCountCheck.requireNoMoreWorkers(connection, i -> settings.names().workerQueue(settings.kind(), i),
                        settings.workers(), settings.origins().workers(), "consumer", settings.allowFewerWorkers());
            }
            return connection;
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
