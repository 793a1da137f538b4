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

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

import com.rabbitmq.client.Connection;

import io.github.dp3taskqueue.TaskQueueConstants;
import io.github.dp3taskqueue.connection.BrokerConnection;
import io.github.dp3taskqueue.testing.TestBroker;
import io.github.dp3taskqueue.topology.Topology;
import io.github.dp3taskqueue.topology.TopologyDeclarer;
import io.github.dp3taskqueue.topology.TopologyNames;

/**
 * One fault scenario: a producer route fed with uniquely numbered tasks at a steady rate, one
 * consumer route per worker, a fault injected while they run, and at the end an exact account of
 * every task: given = consumed (distinct) + still queued + dead-lettered + refused, duplicates
 * counted apart, lost = 0.
 */
final class FaultRun implements AutoCloseable {

    /** The account printed for each scenario. */
    record Account(String scenario, int given, int consumed, int duplicates, int queued, int deadLettered, int refused,
            int refusedButQueued, int lost, long recoveryMillis) {

        @Override
        public String toString() {
            return "ACCOUNT " + scenario + " given=" + given + " consumed=" + consumed + " duplicates=" + duplicates
                    + " queued="
                    + queued + " dead_lettered=" + deadLettered + " refused=" + refused + " refused_but_queued="
                    + refusedButQueued
                    + " lost=" + lost + (recoveryMillis >= 0 ? " recovery_ms=" + recoveryMillis : "");
        }
    }

    private static final Pattern EID = Pattern.compile("\"eid\":\"(f\\d+)\"");

    final String app = TestBroker.uniqueApp("fault");
    final int workers;
    final int tasks;
    final Map<String, Integer> consumed = new ConcurrentHashMap<>();
    final Set<String> sent = ConcurrentHashMap.newKeySet();
    final Map<String, Throwable> refused = new ConcurrentHashMap<>();
    final AtomicInteger fed = new AtomicInteger();
    private final CamelContext producerSide = new DefaultCamelContext();
    private final CamelContext consumerSide = new DefaultCamelContext();
    private volatile Predicate<String> failing = eid -> false;
    private volatile Predicate<String> slow = eid -> false;
    private volatile BooleanSupplier slowUntil = () -> true;

    private final String brokerOptions;
    private final Supplier<Connection> checks;

    FaultRun(int workers, int tasks) {
        this(workers, tasks, TestBroker.brokerOptions());
    }

    /** @param brokerOptions how the routes reach the broker (a proxy in front of it, for example) */
    FaultRun(int workers, int tasks, String brokerOptions) {
        this(workers, tasks, brokerOptions, TestBroker::connect);
    }

    /** @param checks connections for the final drain and the clean-up (to a cluster node, for example) */
    FaultRun(int workers, int tasks, String brokerOptions,
            Supplier<Connection> checks) {
        this.workers = workers;
        this.tasks = tasks;
        this.brokerOptions = brokerOptions;
        this.checks = checks;
    }

    static String eidOf(byte[] body) {
        Matcher m = EID.matcher(new String(body, StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IllegalStateException("not a fault-suite task: " + new String(body, StandardCharsets.UTF_8));
        }
        return m.group(1);
    }

    String uriWith(String options) {
        return "dp3-taskqueue:" + app + "?workers=" + workers + (options.isEmpty() ? "" : "&" + options) + "&"
                + brokerOptions;
    }

    /** The producer route: a seda stage (as the README recommends) into the component. */
    FaultRun startProducer(String options) throws Exception {
        producerSide.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true)
                        .process(e -> refused.put(eidOf(e.getMessage().getBody(byte[].class)),
                                e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)));
                from("seda:feed?concurrentConsumers=4&size=2000&blockWhenFull=true")
                        .to(uriWith(options))
                        .process(e -> sent.add(eidOf(e.getMessage().getBody(byte[].class))));
            }
        });
        producerSide.start();
        return this;
    }

    /** One consumer route per worker; a task fails (throws) while {@link #failWhile} says so. */
    FaultRun startConsumers(String options) throws Exception {
        consumerSide.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int w = 0; w < workers; w++) {
                    from(uriWith("workerIndex=" + w + (options.isEmpty() ? "" : "&" + options))).routeId("worker" + w)
                            .process(e -> {
                                String eid = e.getMessage().getHeader(TaskQueueConstants.ENTITY_KEY, String.class)
                                        .substring(2);
                                if (failing.test(eid)) {
                                    throw new IllegalStateException("task " + eid + " failed on purpose");
                                }
                                if (slow.test(eid) && !consumed.containsKey(eid)) {
                                    await("the slow task's release").atMost(Duration.ofSeconds(120))
                                            .pollInterval(Duration.ofMillis(50)).until(slowUntil::getAsBoolean);
                                }
                                consumed.merge(eid, 1, Integer::sum);
                            });
                }
            }
        });
        consumerSide.start();
        return this;
    }

    /** Tasks processed outside this JVM (by a runner process), counted as consumed. */
    void consumedElsewhere(List<String> eids) {
        eids.forEach(eid -> consumed.merge(eid, 1, Integer::sum));
    }

    void failWhile(Predicate<String> failing) {
        this.failing = failing;
    }

    /** The first run of a task {@code slow} picks lasts until {@code until} says so (at most 2 minutes). */
    void slowOnce(Predicate<String> slow, BooleanSupplier until) {
        this.slowUntil = until;
        this.slow = slow;
    }

    /** Declares DP3's topology for this run's application again (after an operator deleted queues, say). */
    void declareTopologyAgain() throws Exception {
        try (var connection = new BrokerConnection(
                new CachingConnectionFactory(TestBroker.host(),
                        TestBroker.port()),
                true,
                "fault suite")) {
            TopologyDeclarer.declare(connection,
                    new Topology(
                            TopologyNames.of(app), workers,
                            Topology.DP3_NORMAL_QUEUE_MAX_LENGTH),
                    true);
        }
    }

    void stopConsumers() throws Exception {
        consumerSide.stop();
    }

    /**
     * Feeds every task at about {@code perSecond}, running {@code faults} once each given share of the tasks is fed.
     */
    void feed(int perSecond, Map<Integer, ThrowingRunnable> faults) throws Exception {
        ProducerTemplate template = producerSide.createProducerTemplate();
        long start = System.nanoTime();
        for (int i = 0; i < tasks; i++) {
            ThrowingRunnable fault = faults.get(i);
            if (fault != null) {
                fault.run();
            }
            template.sendBody("seda:feed?size=2000&blockWhenFull=true",
                    ("{\"etype\":\"e\",\"eid\":\"f" + i + "\",\"delete\":true}").getBytes(StandardCharsets.UTF_8));
            fed.incrementAndGet();
            long due = start + TimeUnit.SECONDS.toNanos(1) * (i + 1) / perSecond;
            long early = due - System.nanoTime();
            if (early > 1_000_000) {
                Thread.sleep(early / 1_000_000);
            }
        }
    }

    /** Waits until the producer has settled every task (confirmed or refused). */
    void awaitProducerSettled(Duration timeout) throws InterruptedException {
        awaitProducerSettled(tasks, timeout);
    }

    /** Waits until the producer has settled the first {@code count} tasks fed. */
    void awaitProducerSettled(int count, Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                    .until(() -> sent.size() + refused.size() >= count);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("producer settled only " + (sent.size() + refused.size()) + " of " + count, e);
        }
    }

    private volatile long faultOverNanos;
    private volatile int consumedAtFaultOver;

    /** Marks the moment a fault ended (the broker back, the path released, the node stopped). */
    void faultOver() {
        consumedAtFaultOver = consumed.size();
        faultOverNanos = System.nanoTime();
    }

    /** Waits until consumption resumed after {@link #faultOver()}; returns how long that took, in ms. */
    long awaitRecovery(Duration timeout) throws InterruptedException {
        awaitConsumed(consumedAtFaultOver + 1, timeout);
        return (System.nanoTime() - faultOverNanos) / 1_000_000;
    }

    void awaitConsumed(int distinct, Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> consumed.size() >= distinct);
        } catch (ConditionTimeoutException e) {
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < fed.get() && missing.size() < 10; i++) {
                String eid = "f" + i;
                if (!consumed.containsKey(eid) && !refused.containsKey(eid)) {
                    missing.add(eid + (sent.contains(eid) ? " (confirmed)" : " (not settled)"));
                }
            }
            throw new AssertionError(
                    "consumed only " + consumed.size() + " of " + distinct + "; not consumed nor refused: "
                            + missing,
                    e);
        }
    }

    /** Stops both sides, takes what is still queued (and dead-lettered) and accounts for every task. */
    Account account(String scenario, List<byte[]> deadLettered, long recoveryMillis) throws Exception {
        producerSide.stop();
        consumerSide.stop();
        Set<String> queued = new HashSet<>();
        for (int w = 0; w < workers; w++) {
            for (String suffix : List.of("", "-pri")) {
                TestBroker.drainResponses(checks.get(), app + "-worker-" + w + suffix)
                        .forEach(message -> queued.add(eidOf(message.getBody())));
            }
        }
        Set<String> dead = new HashSet<>();
        deadLettered.forEach(body -> dead.add(eidOf(body)));
        Set<String> seen = new HashSet<>(consumed.keySet());
        seen.addAll(queued);
        seen.addAll(dead);
        Set<String> refusedButQueued = new HashSet<>(refused.keySet());
        refusedButQueued.retainAll(seen);
        seen.addAll(refused.keySet());
        int lost = 0;
        for (int i = 0; i < tasks; i++) {
            if (!seen.contains("f" + i)) {
                lost++;
            }
        }
        int duplicates = consumed.values().stream().mapToInt(n -> n - 1).sum();
        Account account = new Account(scenario, tasks, consumed.size(), duplicates, queued.size(), dead.size(),
                refused.size(),
                refusedButQueued.size(), lost, recoveryMillis);
        System.out.println(account);
        return account;
    }

    List<Throwable> refusals() {
        return new ArrayList<>(refused.values());
    }

    @Override
    public void close() throws Exception {
        try {
            producerSide.close();
            consumerSide.close();
        } finally {
            TestBroker.deleteApp(checks.get(), app, workers);
        }
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
