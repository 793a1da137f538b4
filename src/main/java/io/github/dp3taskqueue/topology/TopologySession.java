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

import java.util.List;

import io.github.dp3taskqueue.connection.BrokerConnection;
import io.github.dp3taskqueue.connection.RetrySchedule;

/**
 * The one way a producer or a consumer starts its session with the broker: connect on the
 * start-up schedule, then either declare DP3's whole topology ({@code declareTopology}) or check
 * that what this link uses exists (DP3's start-up check) and warn about bounded queues that would
 * drop tasks silently. A failure closes the connection.
 */
public final class TopologySession {

    /**
     * What a link uses when it does not declare the topology.
     *
     * @param kind         exchanges (a producer) or queues (a consumer)
     * @param names        the exchanges or queues that must exist
     * @param normalQueues the bounded normal worker queues whose overflow mode to check
     */
    public record Uses(StartupCheck.Kind kind, List<String> names, List<String> normalQueues) {
    }

    /**
     * What the component keeps across its endpoints while they start: the lines said once per
     * application, and what a start waits for (the runner's HTTP port answers 503 with it).
     */
    public interface Notes {
        /** {@code true} the first time {@code key} is asked for: say it then, not again. */
        boolean firstTime(String key);

        /** The start of {@code who} waits for {@code reason}; {@code null}: no longer. */
        void waiting(String who, String reason);

        /** Notes that say everything and keep nothing. */
        Notes NONE = new Notes() {
            @Override
            public boolean firstTime(String key) {
                return true;
            }

            @Override
            public void waiting(String who, String reason) {
            }
        };
    }

    private TopologySession() {
    }

    public static void open(BrokerConnection connection, RetrySchedule schedule, Topology topology, boolean declare,
            Uses uses, Notes notes) {
        String who = topology.names().application() + " " + uses.kind().name().toLowerCase() + "s " + uses.names();
        try {
            connection.connect(schedule, reason -> notes.waiting(who, reason));
            if (declare) {
                TopologyDeclarer.declare(connection, topology,
                        notes.firstTime("declare " + topology.names().application() + " " + topology.workers()));
                return;
            }
            StartupCheck.requirePresent(connection, uses.kind(), uses.names(), schedule,
                    reason -> notes.waiting(who, reason));
            if (!uses.normalQueues().isEmpty()) {
                // a bounded queue that drops its oldest tasks when full loses what a producer had confirmed
                QueueOverflowCheck.warnAboutSilentDrops(connection, uses.normalQueues(),
                        topology.normalQueueArguments());
            }
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        } finally {
            notes.waiting(who, null);
        }
    }
}
