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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.dp3taskqueue.connection.BrokerProduct;
import io.github.dp3taskqueue.connection.BrokerReplies;
import io.github.dp3taskqueue.connection.ChannelSource;

/**
 * The state of one application's DP3 topology on the broker, for the runner's {@code --check}:
 * each exchange and worker queue present or missing, the arguments that matter of the normal
 * queues ({@code x-max-length}, {@code x-overflow}, {@code x-queue-type}), and worker queues beyond
 * the worker count. Read with passive declares and the overflow check's probes, which change
 * nothing on the broker.
 *
 * @param lines    one line per exchange or queue, then the problems
 * @param problems what makes the topology unfit for the endpoint (empty: fit)
 */
public record TopologyReport(List<String> lines, List<String> problems) {

    public static TopologyReport of(ChannelSource channels, Topology topology) {
        List<String> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        TopologyNames names = topology.names();
        try {
            for (String exchange : topology.exchanges()) {
                boolean present = StartupCheck.firstMissing(channels, StartupCheck.Kind.EXCHANGE,
                        List.of(exchange)) == null;
                lines.add(String.format("  exchange %-45s %s", exchange, present ? "present" : "MISSING"));
                if (!present) {
                    missing.add(exchange);
                }
            }
            Map<String, Object> dp3 = topology.normalQueueArguments(BrokerProduct.RABBITMQ);
            for (Topology.QueueSpec queue : topology.queues(BrokerProduct.RABBITMQ)) {
                boolean present = StartupCheck.firstMissing(channels, StartupCheck.Kind.QUEUE,
                        List.of(queue.name())) == null;
                String detail = "";
                if (present && queue.exchange().equals(names.mainExchange())) {
                    Map<String, Object> arguments = QueueOverflowCheck.currentArguments(channels, queue.name(), dp3);
                    detail = arguments == null ? " (arguments unknown)" : " " + arguments;
                    if (arguments != null && (arguments.containsKey("x-max-length")
                            || arguments.containsKey("x-max-length-bytes"))
                            && !"reject-publish".equals(String.valueOf(arguments.get("x-overflow")))) {
                        problems.add("queue '" + queue.name() + "' is bounded without x-overflow=reject-publish: "
                                + "RabbitMQ drops its oldest tasks when it is full");
                    }
                }
                lines.add(
                        String.format("  queue    %-45s %s%s", queue.name(), present ? "present" : "MISSING", detail));
                if (!present) {
                    missing.add(queue.name());
                }
            }
            String beyond = names.normalQueue(topology.workers());
            if (StartupCheck.firstMissing(channels, StartupCheck.Kind.QUEUE, List.of(beyond)) == null) {
                lines.add(String.format("  queue    %-45s present, beyond workers=%d", beyond, topology.workers()));
                problems.add("queue '" + beyond + "' exists: the deployment has more than " + topology.workers()
                        + " workers");
            }
            if (!missing.isEmpty()) {
                problems.add(0, missing.size() + " of " + (topology.exchanges().size() + topology.queues(
                        BrokerProduct.RABBITMQ).size()) + " exchanges and queues are missing (first: '" + missing.get(0)
                        + "'): declare the DP3 topology (start DP3, or dp3/scripts/rmq_reconfigure.sh) or set "
                        + "declareTopology=true");
            }
        } catch (IOException | RuntimeException e) {
            problems.add("the broker did not answer: " + BrokerReplies.describe(e));
        }
        return new TopologyReport(lines, problems);
    }
}
