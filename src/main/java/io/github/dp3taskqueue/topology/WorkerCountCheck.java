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
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rabbitmq.client.Channel;

import io.github.dp3taskqueue.connection.ChannelSource;

/**
 * Refuses to start when the deployment has more workers than an endpoint's {@code workers} says:
 * DP3 hashes over its own worker count, so a producer with fewer sends tasks of the higher workers'
 * entities to the lower ones, where they are processed alongside that entity's tasks elsewhere, and
 * a consumer with fewer leaves the higher workers' queues unread. With {@code allowFewerWorkers}
 * (while resharding on purpose) it warns instead. Asked with passive declares of
 * {@code APP-worker-N}, {@code N+1}, ... on a channel of its own (a missing queue closes it).
 */
public final class WorkerCountCheck {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerCountCheck.class);
    private static final int MAX_PROBED = 1024;

    private WorkerCountCheck() {
    }

    /**
     * @param queueOf     the queue of worker i for the endpoint's task kind
     * @param workersFrom where {@code workers} came from (the option, configDir, DP3's default)
     * @param role        {@code producer} or {@code consumer}, for the message
     * @param allowFewer  warn instead of failing
     * @return how many workers the broker has queues for, at least {@code workers}; {@code workers}
     *         when it cannot be told
     * @throws TopologyException when the broker has more and {@code allowFewer} is not set
     */
    public static int requireNoMoreWorkers(ChannelSource channels, IntFunction<String> queueOf, int workers,
            String workersFrom, String role, boolean allowFewer) {
        int found = workers;
        try {
            Channel channel = channels.openChannel();
            try {
                while (found < workers + MAX_PROBED) {
                    try {
                        channel.queueDeclarePassive(queueOf.apply(found));
                        found++;
                    } catch (IOException missing) { // 404 closes the channel: the probe ends here
                        break;
                    }
                }
            } finally {
                if (channel.isOpen()) {
                    try {
                        channel.close();
                    } catch (IOException | TimeoutException | RuntimeException e) {
                        LOG.debug("closing the probing channel: {}", e.getMessage());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot tell the deployment's worker count: {}", e.getMessage());
            return workers;
        }
        if (found > workers) {
            String problem = "queue '" + queueOf.apply(found - 1) + "' exists, so the DP3 deployment has at least "
                    + found + " workers, but this " + role + " has workers=" + workers + " (from " + workersFrom
                    + "): DP3 assigns each entity to worker HASH mod " + found + ", so "
                    + (role.equals("producer")
                            ? "tasks for the entities of workers " + workers + ".." + (found - 1)
                                    + " would go to the wrong worker"
                            : "the queues of workers " + workers + ".." + (found - 1) + " would not be read")
                    + ". Set workers=" + found + " (DP3's worker_processes)";
            if (!allowFewer) {
                throw new TopologyException(problem + ", or allowFewerWorkers=true to do this on purpose "
                        + "(while resharding: docs/operations.md)", null);
            }
            LOG.warn("{}; allowFewerWorkers=true lets it start", problem);
        }
        return found;
    }
}
