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
package io.github.dp3taskqueue.producer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.dp3taskqueue.EndpointSettings;
import io.github.dp3taskqueue.TaskQueueEndpoint;
import io.github.dp3taskqueue.connection.BrokerConnection;
import io.github.dp3taskqueue.connection.BrokerProduct;
import io.github.dp3taskqueue.metrics.TaskQueueMetrics;
import io.github.dp3taskqueue.observe.Observation;
import io.github.dp3taskqueue.observe.Observed;
import io.github.dp3taskqueue.observe.WatchedQueue;
import io.github.dp3taskqueue.publisher.ConfirmedPublisher;
import io.github.dp3taskqueue.publisher.PublisherState;
import io.github.dp3taskqueue.topology.TopologyNames;

/**
 * A running producer as the dev console and the gauges show it: the confirm window, what waits
 * for the broker (unconfirmed, held while it blocks or cannot be reached, backing off a full queue),
 * the broker's block, the last confirm, and every worker queue it writes to.
 */
final class ProducerObserved implements Observed, AutoCloseable {

    private final TaskQueueEndpoint endpoint;
    private final ConfirmedPublisher publisher;
    private final Observation observation;

    ProducerObserved(TaskQueueEndpoint endpoint, BrokerConnection connection, ConfirmedPublisher publisher,
            TaskQueueMetrics metrics) {
        this.endpoint = endpoint;
        this.publisher = publisher;
        EndpointSettings settings = endpoint.getSettings();
        this.observation = new Observation("producer of '" + endpoint.getApplication() + "'",
                endpoint.getApplication(), connection.description(), connection, queues(settings),
                settings.topology().normalQueueArguments(BrokerProduct.RABBITMQ), settings.statsInterval(),
                endpoint.getComponent().statsScheduler(), metrics,
                Map.of("application", endpoint.getApplication(), "kind", settings.kind().optionValue()))
                .inFlight("producer.window", "Tasks in the confirm window (written or waiting, not confirmed)",
                        () -> publisher.state().windowUsed())
                .inFlight("producer.unconfirmed", "Tasks written to the broker, waiting for its confirm",
                        () -> publisher.state().unconfirmed())
                .inFlight("producer.held", "Tasks held unwritten while the broker blocks or cannot be reached",
                        () -> publisher.state().held())
                .inFlight("producer.backoff", "Tasks refused by a full worker queue, waiting to be published again",
                        () -> publisher.state().backingOff());
        endpoint.observed(this, true);
    }

    /** Every worker's queues of the task kind it writes. */
    private static List<WatchedQueue> queues(EndpointSettings settings) {
        TopologyNames names = settings.names();
        List<WatchedQueue> queues = new ArrayList<>();
        for (int i = 0; i < settings.workersOrDefault(); i++) {
            switch (settings.kind()) {
                case DATAPOINT -> {
                    queues.add(new WatchedQueue(names.normalQueue(i), i, WatchedQueue.Lane.NORMAL));
                    queues.add(new WatchedQueue(names.priorityQueue(i), i, WatchedQueue.Lane.PRIORITY));
                }
                case SNAPSHOT -> queues.add(new WatchedQueue(names.snapshotQueue(i), i, WatchedQueue.Lane.SNAPSHOT));
                case CONTROL -> queues.add(new WatchedQueue(names.controlQueue(i), i, WatchedQueue.Lane.CONTROL));
            }
        }
        return queues;
    }

    /** The ready tasks of each queue it writes to (for the runner's progress line). */
    @Override
    public Map<String, Long> queueDepths() {
        return observation.watch() == null ? Map.of() : observation.watch().depths();
    }

    @Override
    public String role() {
        return "producer";
    }

    @Override
    public Map<String, Object> describe() {
        PublisherState state = publisher.state();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("endpoint", endpoint.getMaskedUri());
        out.put("confirmWindow", Map.of("used", state.windowUsed(), "size", state.windowSize()));
        out.put("unconfirmed", state.unconfirmed());
        out.put("held", state.held());
        out.put("backingOff", state.backingOff());
        if (state.blockedReason() != null) {
            out.put("blocked", Map.of("reason", state.blockedReason(), "since", String.valueOf(state.blockedSince())));
        }
        out.put("lastConfirm", state.lastConfirm() == null ? "none yet" : state.lastConfirm().toString());
        out.put("queues", observation.queues());
        return out;
    }

    @Override
    public void close() {
        endpoint.observed(this, false);
        observation.close();
    }
}
