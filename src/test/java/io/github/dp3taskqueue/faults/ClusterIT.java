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
package io.github.dp3taskqueue.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.dp3taskqueue.testing.TestBroker;

/**
 * A real three-node RabbitMQ cluster on this machine (scripts/rabbitmq-cluster.sh): producer and
 * consumers connect through {@code addresses}, the worker queues are quorum queues, and the node
 * they are connected to stops mid-run. They fail over to another node and nothing is lost.
 */
class ClusterIT {

    private static final String SCRIPT = "scripts/rabbitmq-cluster.sh";
    private static final String ADDRESSES = "127.0.0.1:5681,127.0.0.1:5682,127.0.0.1:5683";
    private static final int TASKS = 20_000;

    private static String cluster(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", SCRIPT));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(240, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(
                    SCRIPT + " " + String.join(" ", args) + " failed (the cluster test needs the Debian "
                            + "rabbitmq-server package on this machine and root or the rabbitmq user):\n" + output);
        }
        return output;
    }

    @BeforeAll
    static void startCluster() throws Exception {
        cluster("stop"); // leftovers of an interrupted run
        cluster("start");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster("stop");
    }

    @Test
    void theNodeInUseStopsMidRunAndProducerAndConsumersFailOverLosingNothing() throws Exception {
        String options = "addresses=" + ADDRESSES + "&queueType=quorum&retryDelays=200ms,500ms,1s";
        try (FaultRun run = new FaultRun(2, TASKS, options, () -> TestBroker.connect("127.0.0.1", 5682))) {
            run.startProducer("declareTopology=true").startConsumers("");
            // every connection starts on the first address: node 1 carries them all when it stops
            run.feed(2000, Map.of(8000, () -> {
                cluster("stop-node", "1");
                run.faultOver();
            }));
            run.awaitProducerSettled(Duration.ofSeconds(120));
            long failover = run.awaitRecovery(Duration.ofSeconds(60));
            run.awaitConsumed(TASKS, Duration.ofSeconds(90));
            FaultRun.Account account = run.account("cluster-node-stopped", List.of(), failover);
            assertThat(account.lost()).isZero();
            assertThat(account.refused()).as("the producer fails no exchange").isZero();
            assertThat(failover).as("consumption resumed on another node within 30 s").isLessThan(30_000);
        } finally {
            cluster("start-node", "1");
        }
    }
}
