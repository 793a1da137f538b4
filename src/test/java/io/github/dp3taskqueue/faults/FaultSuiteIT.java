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
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;

import io.github.dp3taskqueue.publisher.PublishBlockedException;
import io.github.dp3taskqueue.publisher.QueueFullException;
import io.github.dp3taskqueue.testing.CapturedLog;
import io.github.dp3taskqueue.testing.TestBroker;

/**
 * The fault suite: every scenario runs a producer and consumers over 20,000 uniquely numbered
 * tasks, injects a fault and accounts for every task (see {@link FaultRun}); each prints its
 * {@code ACCOUNT} line.
 */
@ExtendWith(TestBroker.class)
class FaultSuiteIT {

    private static final int TASKS = 20_000;
    private static final String RECOVERING = "retryDelays=200ms,500ms,1s";

    /**
     * Closes the broker side of this run's connections whose name contains {@code purpose}, waiting
     * (up to 15 s) for them to be back from the previous close first.
     */
    private static void closeConnections(FaultRun run, String purpose) throws InterruptedException {
        // until the broker lists the purpose's connections (a reconnect may be under way) and they are closed
        await("connections of " + purpose + " to close").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    int closed = 0;
                    for (String line : TestBroker.rabbitmqctl("list_connections", "pid", "client_properties")
                            .split("\n")) {
                        if (line.contains("dp3-taskqueue " + run.app + " " + purpose)) {
                            TestBroker.rabbitmqctl("close_connection", line.substring(0, line.indexOf('\t')).trim(),
                                    "fault suite: " + purpose);
                            closed++;
                        }
                    }
                    return closed > 0;
                });
    }

    private static void assertNothingLost(FaultRun.Account account) {
        assertThat(account.lost()).isZero();
        assertThat(account.refused()).as("the producer fails no exchange").isZero();
        assertThat(account.consumed() + account.queued() + account.deadLettered()).isGreaterThanOrEqualTo(TASKS);
    }

    @Test
    void connectionsClosedThreeTimesOnTheProducerSide() throws Exception {
        connectionsClosedThreeTimes("producer");
    }

    @Test
    void connectionsClosedThreeTimesOnTheConsumerSide() throws Exception {
        connectionsClosedThreeTimes("consumer");
    }

    private void connectionsClosedThreeTimes(String side) throws Exception {
        try (FaultRun run = new FaultRun(2, TASKS)) {
            run.startProducer("declareTopology=true&" + RECOVERING).startConsumers(RECOVERING);
            FaultRun.ThrowingRunnable close = () -> closeConnections(run, side);
            run.feed(2500, Map.of(5000, close, 10000, close, 15000, close));
            run.awaitProducerSettled(Duration.ofSeconds(60));
            run.awaitConsumed(TASKS, Duration.ofSeconds(60));
            assertNothingLost(run.account("close-connections-" + side, List.of(), -1));
        }
    }

    @Test
    void aNetworkPathStalledLongerThanTheHeartbeatIsDetectedAndTheRoutesRecover() throws Exception {
        int proxyPort;
        try (ServerSocket free = new ServerSocket(0)) {
            proxyPort = free.getLocalPort();
        }
        NioReactor reactor = new NioReactor();
        TcpCrusher proxy = TcpCrusherBuilder.builder().withReactor(reactor).withBindAddress("127.0.0.1", proxyPort)
                .withConnectAddress(TestBroker.host(), TestBroker.port()).buildAndOpen();
        try (FaultRun run = new FaultRun(2, TASKS, "host=127.0.0.1&port=" + proxyPort)) {
            // heartbeats every second: a silent path is noticed after about two of them
            String stallAware = "requestedHeartbeat=1&connectionTimeout=2s&" + RECOVERING;
            run.startProducer("declareTopology=true&" + stallAware).startConsumers(stallAware);
            run.feed(2500, Map.of(8000, () -> {
                proxy.freeze(); // every byte in both directions held, connections left open
                try {
                    Thread.sleep(6000);
                } finally {
                    proxy.unfreeze();
                    run.faultOver();
                }
            }));
            run.awaitProducerSettled(Duration.ofSeconds(90));
            long recovery = run.awaitRecovery(Duration.ofSeconds(30));
            run.awaitConsumed(TASKS, Duration.ofSeconds(60));
            assertNothingLost(run.account("network-stall", List.of(), recovery));
        } finally {
            proxy.close();
            reactor.close();
        }
    }

    @Test
    void brokerApplicationRestartedDuringARun() throws Exception {
        try (FaultRun run = new FaultRun(2, TASKS)) {
            run.startProducer("declareTopology=true&" + RECOVERING).startConsumers(RECOVERING);
            run.feed(2500, Map.of(8000, () -> {
                try {
                    TestBroker.rabbitmqctl("stop_app");
                    Thread.sleep(3000);
                } finally {
                    TestBroker.rabbitmqctl("start_app");
                    TestBroker.rabbitmqctl("await_startup");
                    run.faultOver();
                }
            }));
            run.awaitProducerSettled(Duration.ofSeconds(90));
            long recovery = run.awaitRecovery(Duration.ofSeconds(30));
            run.awaitConsumed(TASKS, Duration.ofSeconds(60));
            FaultRun.Account account = run.account("broker-restart", List.of(), recovery);
            assertNothingLost(account);
            assertThat(recovery).as("consumption resumed within 30 s of the broker being back").isLessThan(30_000);
        }
    }

    @Test
    void aMemoryAlarmDuringARunHoldsAndRefusesTasksButNeverQueuesARefusedOne() throws Exception {
        try (FaultRun run = new FaultRun(2, TASKS)) {
            run.startProducer("declareTopology=true&queueFullTimeout=2s&" + RECOVERING).startConsumers(RECOVERING);
            List<Throwable> alarmFailure = new CopyOnWriteArrayList<>();
            // the alarm lasts 6 s while the feed goes on, so tasks are held and refused at any speed
            Thread alarm = new Thread(() -> {
                try (AutoCloseable raised = TestBroker.memoryAlarm()) {
                    Thread.sleep(6000);
                } catch (Exception | AssertionError e) {
                    alarmFailure.add(e);
                }
            }, "memory-alarm");
            try {
                run.feed(2500, Map.of(5000, alarm::start));
                alarm.join();
                assertThat(alarmFailure).isEmpty();
                run.awaitProducerSettled(Duration.ofSeconds(90));
                // no recovery time: the feed runs on its own thread and may have ended before the alarm cleared
                run.awaitConsumed(TASKS - run.refused.size(), Duration.ofSeconds(60));
                FaultRun.Account account = run.account("memory-alarm", List.of(), -1);
                assertThat(account.lost()).isZero();
                assertThat(account.refusedButQueued()).as("a refused task was never written, so it is in no queue")
                        .isZero();
                assertThat(account.refused()).as("tasks fed during the alarm").isPositive();
                assertThat(run.refusals()).allSatisfy(e -> assertThat(e).isInstanceOf(PublishBlockedException.class));
                assertThat(account.consumed() + account.queued() + account.refused()).isGreaterThanOrEqualTo(TASKS);
            } finally {
                alarm.join();
                TestBroker.rabbitmqctl("set_vm_memory_high_watermark", "0.4");
            }
        }
    }

    @Test
    void workerQueuesDeletedAndDeclaredAgainUnderTheConsumersAreReadAgain() throws Exception {
        try (FaultRun run = new FaultRun(2, TASKS); CapturedLog captured = new CapturedLog()) {
            run.startProducer("declareTopology=true&" + RECOVERING).startConsumers(RECOVERING);
            run.feed(2500, Map.of(8000, () -> {
                // the queues are drained first: deleting a queue deletes its tasks, which no component can keep
                run.awaitProducerSettled(8000, Duration.ofSeconds(60));
                run.awaitConsumed(8000, Duration.ofSeconds(60));
                try (Connection connection = TestBroker.connect()) {
                    Channel channel = connection.createChannel();
                    for (int w = 0; w < 2; w++) {
                        channel.queueDelete(run.app + "-worker-" + w);
                        channel.queueDelete(run.app + "-worker-" + w + "-pri");
                    }
                }
                await("all four subscriptions reported cancelled").atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> captured.text().split("the broker cancelled the subscription to queue", -1).length
                                - 1 >= 4);
                run.declareTopologyAgain();
                run.faultOver();
            }));
            run.awaitProducerSettled(Duration.ofSeconds(90));
            long recovery = run.awaitRecovery(Duration.ofSeconds(30));
            run.awaitConsumed(TASKS, Duration.ofSeconds(60));
            assertNothingLost(run.account("queues-deleted-and-declared-again", List.of(), recovery));
            assertThat(captured.text()).contains("consumer re-subscribed to queue '" + run.app + "-worker-1'");
        }
    }

    @Test
    void aTaskRunningLongerThanTheBrokersConsumerTimeoutIsRedeliveredAndTheConsumerRecovers() throws Exception {
        // the broker checks consumer_timeout on its channel tick (60 s by default): both short, for channels opened now
        try (AutoCloseable broker = TestBroker
                .brokerEnv(Map.of("consumer_timeout", "3000", "channel_tick_interval", "500"));
                FaultRun run = new FaultRun(2, TASKS);
                CapturedLog captured = new CapturedLog()) {
            run.slowOnce(eid -> eid.equals("f8000"), () -> captured.text().contains("delivery acknowledgement"));
            run.startProducer("declareTopology=true&" + RECOVERING).startConsumers(RECOVERING);
            run.feed(2500, Map.of());
            run.awaitProducerSettled(Duration.ofSeconds(90));
            run.awaitConsumed(TASKS, Duration.ofSeconds(120));
            FaultRun.Account account = run.account("consumer-timeout", List.of(), -1);
            assertNothingLost(account);
            assertThat(run.consumed.get("f8000")).as("the timed-out task ran again").isGreaterThanOrEqualTo(2);
            assertThat(captured.text()).contains("delivery acknowledgement").contains("consumer re-subscribed");
        }
    }

    @Test
    void theConsumerJvmKilledMidDrainLosesNothingAndRepeatsOnlyWhatWasInFlight(@TempDir Path dir) throws Exception {
        Path jar = Path.of("target", "dp3-taskqueue-runner.jar");
        assertThat(jar).as("built by mvn package").exists();
        try (FaultRun run = new FaultRun(1, TASKS)) {
            run.startProducer("declareTopology=true&normalQueueMaxLength=" + (TASKS + 1000));
            run.feed(20_000, Map.of());
            run.awaitProducerSettled(Duration.ofSeconds(60));
            Path properties = dir.resolve("runner.properties");
            Files.writeString(properties,
                    "dp3.app=" + run.app + "\ndrain.dir=" + dir + "\ncamel.component.dp3-taskqueue.host="
                            + TestBroker.host() + "\ncamel.component.dp3-taskqueue.port=" + TestBroker.port() + "\n");
            Path processed = dir.resolve("worker-0.jsonl");
            Process runner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    jar.toString(), "--properties", properties.toString(), "routes/drain-worker.yaml")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("runner.log").toFile()).start();
            List<String> before;
            try {
                await("the runner drains 5,000 tasks").atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(20))
                        .failFast("the runner died: see runner.log", () -> !runner.isAlive())
                        .until(() -> Files.exists(processed) && Files.readAllLines(processed).size() >= 5000);
            } finally {
                runner.destroyForcibly(); // SIGKILL: no shutdown hook, no ack of what was in flight
                runner.waitFor(30, TimeUnit.SECONDS);
            }
            before = Files.readAllLines(processed).stream().filter(line -> line.endsWith("}"))
                    .map(line -> FaultRun.eidOf(
                            line.getBytes(StandardCharsets.UTF_8)))
                    .toList();
            assertThat(before.size()).isBetween(5000, TASKS - 1);
            run.consumedElsewhere(before);
            run.startConsumers("");
            run.awaitConsumed(TASKS, Duration.ofSeconds(60));
            FaultRun.Account account = run.account("consumer-jvm-killed", List.of(), -1);
            assertNothingLost(account);
            // only deliveries unacked at the kill come again: at most the prefetch of the two queues
            assertThat(account.duplicates()).isLessThanOrEqualTo(2 * 50);
            System.out.println("ACCOUNT consumer-jvm-killed processed_before_kill=" + before.size());
        }
    }

    @Test
    void oneTaskInAHundredFailsAndIsDeadLetteredWithTheReason() throws Exception {
        try (FaultRun run = new FaultRun(2, TASKS)) {
            String dlx = run.app + "-dlx";
            String dead = run.app + "-dead";
            try (Connection connection = TestBroker.connect()) {
                Channel channel = connection.createChannel();
                channel.exchangeDeclare(dlx, "fanout", true);
                channel.queueDeclare(dead, true, false, false, null);
                channel.queueBind(dead, dlx, "");
            }
            // DP3's queue arguments are fixed, so the dead-letter exchange comes from a policy, as operators set it
            TestBroker.rabbitmqctl("set_policy", "--apply-to", "queues", "dlx-" + run.app, "^" + run.app + "-worker-",
                    "{\"dead-letter-exchange\":\"" + dlx + "\"}");
            try {
                run.failWhile(eid -> Integer.parseInt(eid.substring(1)) % 100 == 7);
                run.startProducer("declareTopology=true").startConsumers("onFailure=reject");
                run.feed(4000, Map.of());
                run.awaitProducerSettled(Duration.ofSeconds(60));
                run.awaitConsumed(TASKS - TASKS / 100, Duration.ofSeconds(60));
                await("the last rejections reach the dead-letter queue").atMost(Duration.ofSeconds(30))
                        .until(() -> TestBroker.depth(dead) >= TASKS / 100);
                List<GetResponse> deadLettered = TestBroker.drainResponses(dead);
                assertThat(deadLettered).hasSize(TASKS / 100);
                for (GetResponse message : deadLettered) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> death = ((List<Map<String, Object>>) message.getProps().getHeaders()
                            .get("x-death")).get(0);
                    assertThat(death.get("reason")).hasToString("rejected");
                    assertThat(death.get("queue").toString()).startsWith(run.app + "-worker-");
                    assertThat(Integer.parseInt(FaultRun.eidOf(message.getBody()).substring(1)) % 100).isEqualTo(7);
                }
                FaultRun.Account account = run.account("failures-dead-lettered",
                        deadLettered.stream().map(GetResponse::getBody).toList(), -1);
                assertThat(account.lost()).isZero();
                assertThat(account.deadLettered()).isEqualTo(TASKS / 100);
                assertThat(account.consumed()).isEqualTo(TASKS - TASKS / 100);
            } finally {
                TestBroker.rabbitmqctl("clear_policy", "dlx-" + run.app);
                try (Connection connection = TestBroker.connect()) {
                    Channel channel = connection.createChannel();
                    channel.queueDelete(dead);
                    channel.exchangeDelete(dlx);
                }
            }
        }
    }

    @Test
    void oneTaskInAHundredFailsAndIsRequeuedUntilTheFailureClears() throws Exception {
        try (FaultRun run = new FaultRun(2, TASKS)) {
            run.failWhile(eid -> Integer.parseInt(eid.substring(1)) % 100 == 7);
            run.startProducer("declareTopology=true").startConsumers("onFailure=requeue");
            run.feed(4000, Map.of());
            run.awaitProducerSettled(Duration.ofSeconds(60));
            // while the failure lasts, the failing tasks go round (held requeueDelay each time) and none completes
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> run.consumed.keySet().stream()
                            .noneMatch(eid -> Integer.parseInt(eid.substring(1)) % 100 == 7));
            run.failWhile(eid -> false); // the failure clears: every requeued task now goes through
            run.awaitConsumed(TASKS, Duration.ofSeconds(60));
            assertNothingLost(run.account("failures-requeued", List.of(), -1));
        }
    }

    @Test
    void aFullQueueForAMinuteRefusesWithTheDocumentedErrorAndKeepsEverythingItConfirmed() throws Exception {
        try (FaultRun run = new FaultRun(2, TASKS)) {
            // no consumer: two workers' normal queues of 2,000 fill within seconds and stay full
            run.startProducer("declareTopology=true&normalQueueMaxLength=2000&queueFullTimeout=2s");
            long start = System.nanoTime();
            run.feed(300, Map.of());
            run.awaitProducerSettled(Duration.ofSeconds(120));
            long fullFor = (System.nanoTime() - start) / 1_000_000_000;
            FaultRun.Account account = run.account("full-queue", List.of(), -1);
            assertThat(fullFor).as("seconds the queues were full under the producer").isGreaterThanOrEqualTo(60);
            assertThat(account.queued()).isEqualTo(4000).isEqualTo(run.sent.size());
            assertThat(account.refused()).isEqualTo(TASKS - 4000);
            assertThat(account.refusedButQueued()).isZero();
            assertThat(account.lost()).isZero();
            assertThat(run.refusals()).allSatisfy(e -> assertThat(e).isInstanceOf(QueueFullException.class)
                    .hasMessageContaining("is full"));
        }
    }
}
