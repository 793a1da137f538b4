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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.dp3taskqueue.EndpointSettings;
import io.github.dp3taskqueue.TaskQueueEndpoint;
import io.github.dp3taskqueue.connection.BrokerConnection;
import io.github.dp3taskqueue.connection.BrokerProduct;
import io.github.dp3taskqueue.metrics.TaskQueueMetrics;
import io.github.dp3taskqueue.observe.Observation;
import io.github.dp3taskqueue.observe.Observed;

/**
 * A running consumer as the dev console and the gauges show it: its worker's queues, what it holds
 * (prefetched and not started, running, held for requeueDelay, acks held), its last delivery and
 * whether it reads all its queues.
 */
final class ConsumerObserved implements Observed, AutoCloseable {

    private final TaskQueueEndpoint endpoint;
    private final String role;
    private final String routeId;
    private final Supplier<ConsumerState> state;
    private final Supplier<String> problem;
    private final Observation observation;

    /**
     * @param state   what it holds now
     * @param problem why it does not read all its queues now, or {@code null}
     */
    ConsumerObserved(TaskQueueEndpoint endpoint, String role, String routeId, BrokerConnection connection,
            List<QueueReader.Source> sources, TaskQueueMetrics metrics, Supplier<ConsumerState> state,
            Supplier<String> problem) {
        this.endpoint = endpoint;
        this.role = role;
        this.routeId = routeId;
        this.state = state;
        this.problem = problem;
        EndpointSettings settings = endpoint.getSettings();
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("application", endpoint.getApplication());
        tags.put("kind", settings.kind().optionValue());
        tags.put("worker", settings.consumer().allWorkers() ? "all" : String.valueOf(settings.workerIndex()));
        this.observation = new Observation(role + " of '" + endpoint.getApplication() + "' (route " + routeId + ")",
                endpoint.getApplication(), connection.description(), connection,
                sources.stream().map(QueueReader.Source::watched).toList(),
                settings.topology().normalQueueArguments(BrokerProduct.RABBITMQ), settings.statsInterval(),
                endpoint.getComponent().statsScheduler(), metrics, tags)
                .inFlight("consumer.prefetched", "Tasks taken from the broker and not started",
                        () -> state.get().prefetched())
                .inFlight("consumer.running", "Tasks in the route now", () -> state.get().running())
                .inFlight("consumer.delayed", "Failed tasks held for requeueDelay before they are requeued",
                        () -> state.get().delayed())
                .inFlight("consumer.acks.held", "Acks of completed tasks held to go with later ones (ackBatchSize)",
                        () -> state.get().acksHeld());
        endpoint.observed(this, true);
    }

    /** Ready tasks of each queue it reads, as last probed ({@code statsInterval}). */
    @Override
    public Map<String, Long> queueDepths() {
        return observation.watch() == null ? Map.of() : observation.watch().depths();
    }

    @Override
    public String role() {
        return role;
    }

    @Override
    public Map<String, Object> describe() {
        EndpointSettings settings = endpoint.getSettings();
        ConsumerState now = state.get();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("endpoint", endpoint.getMaskedUri());
        out.put("route", routeId);
        out.put("workerIndex", settings.consumer().allWorkers() ? "all" : settings.workerIndex());
        out.put("prefetch", settings.consumer().prefetch());
        out.put("concurrentConsumers", settings.consumer().concurrentConsumers());
        out.put("prefetched", now.prefetched());
        out.put("running", now.running());
        out.put("delayed", now.delayed());
        out.put("acksHeld", now.acksHeld());
        out.put("lastDelivery", now.lastDelivery() == null ? "none yet"
                : now.lastDelivery() + " (" + now.lastLane() + ")");
        String why = problem.get();
        out.put("readiness", why == null ? "UP" : "DOWN: " + why);
        out.put("queues", observation.queues());
        return out;
    }

    @Override
    public void close() {
        endpoint.observed(this, false);
        observation.close();
    }
}
