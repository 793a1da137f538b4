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
package io.github.dp3taskqueue.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.RabbitMQContainer;
import org.testcontainers.utility.MountableFile;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

/**
 * Gives tests a real RabbitMQ: the broker named by {@code -Ddp3.test.broker.host/port} (or the
 * environment variables {@code DP3_TEST_BROKER_HOST/PORT}) when one is named (CI: a disposable
 * broker, which the tests may change); else Testcontainers' RabbitMQ container where a Docker
 * engine exists; else a node of the tests' own, started from this machine's RabbitMQ installation
 * on free ports and stopped when the tests end ({@link OwnBroker}), so that a broker an operator
 * runs beside is never touched. No broker fails the test class with a message saying how to get one.
 */
public final class TestBroker implements BeforeAllCallback {

    private static final AtomicInteger APP_COUNTER = new AtomicInteger();
    private static volatile String host;
    private static volatile int port;
    private static volatile RabbitMQContainer container;
    private static volatile OwnBroker own;

    @Override
    public void beforeAll(ExtensionContext context) {
        ensureStarted();
    }

    public static synchronized void ensureStarted() {
        if (host != null) {
            return;
        }
        String named = setting("dp3.test.broker.host", "DP3_TEST_BROKER_HOST", null);
        if (named != null) {
            // named by the caller (CI): the tests may change it (alarms, policies, a restart)
            int p = Integer.parseInt(setting("dp3.test.broker.port", "DP3_TEST_BROKER_PORT", "5672"));
            try (Connection ignored = factory(named, p).newConnection("dp3-taskqueue test broker check")) {
                host = named;
                port = p;
                return;
            } catch (Exception e) {
                throw new IllegalStateException("No RabbitMQ broker reachable at " + named + ":" + p + " (" + e
                        + "), the broker -Ddp3.test.broker.host/port (or DP3_TEST_BROKER_HOST/PORT) names. Start it, "
                        + "or leave both unset: the tests then start a RabbitMQ node of their own.", e);
            }
        }
        if (!Boolean.getBoolean("dp3.test.noDocker") && dockerAvailable()) {
            RabbitMQContainer started = new RabbitMQContainer("rabbitmq:3.13-management");
            started.start();
            container = started;
            host = started.getHost();
            port = started.getAmqpPort();
            return;
        }
        Path installation = OwnBroker.installation();
        if (installation == null) {
            throw new IllegalStateException("No RabbitMQ for the tests: no Docker engine for Testcontainers and no "
                    + "RabbitMQ installation to start a node of the tests' own from. Install one (`apt-get install "
                    + "-y rabbitmq-server`; the tests start and stop their own node, on free ports, and never touch a "
                    + "broker they did not start), or name a disposable broker with -Ddp3.test.broker.host=HOST "
                    + "-Ddp3.test.broker.port=PORT (guest/guest), which the tests may change.");
        }
        own = OwnBroker.start(installation);
        host = "127.0.0.1";
        port = own.port;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    private static ConnectionFactory factory(String h, int p) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(h);
        factory.setPort(p);
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setAutomaticRecoveryEnabled(false);
        factory.setConnectionTimeout(5000);
        return factory;
    }

    public static String host() {
        ensureStarted();
        return host;
    }

    public static int port() {
        ensureStarted();
        return port;
    }

    /** URI options pointing an endpoint at the test broker. */
    public static String brokerOptions() {
        return "host=" + host() + "&port=" + port();
    }

    /** A fresh application name, so tests never share exchanges or queues. */
    public static String uniqueApp(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + APP_COUNTER.incrementAndGet() + "-"
                + System.nanoTime() % 100000;
    }

    /** A plain amqp-client connection to the test broker (for set-up and checks). */
    public static Connection connect() {
        try {
            return factory(host(), port()).newConnection("dp3-taskqueue test");
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect to the test broker", e);
        }
    }

    /** {@code rabbitmqctl ARGS...} on the test broker (its container, the tests' own node, or the named one). */
    public static String rabbitmqctl(String... args) {
        ensureStarted();
        if (own != null) {
            return own.ctl(60, args);
        }
        List<String> command = new ArrayList<>();
        command.add("rabbitmqctl");
        command.addAll(List.of(args));
        try {
            if (container != null) {
                return container.execInContainer(command.toArray(String[]::new)).getStdout();
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("rabbitmqctl " + String.join(" ", args) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run rabbitmqctl (the test broker must be local or in a container)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sets the broker's {@code rabbit} application environment (as {@code rabbitmqctl eval
     * 'application:set_env(rabbit, KEY, VALUE).'}) until closed; closing puts back each previous
     * value (or unsets it). Use it in try-with-resources, so the broker is restored also when the
     * test fails. Channels opened after the change see it.
     */
    public static AutoCloseable brokerEnv(Map<String, String> values) {
        Map<String, String> previous = new LinkedHashMap<>();
        for (String key : values.keySet()) {
            previous.put(key, rabbitmqctl("eval", "application:get_env(rabbit, " + key + ").").trim());
        }
        AutoCloseable restore = () -> previous.forEach((key, was) -> rabbitmqctl("eval", was.startsWith("{ok,")
                ? "application:set_env(rabbit, " + key + ", " + was.substring(4, was.length() - 1) + ")."
                : "application:unset_env(rabbit, " + key + ")."));
        boolean set = false;
        try {
            values.forEach(
                    (key, value) -> rabbitmqctl("eval", "application:set_env(rabbit, " + key + ", " + value + ")."));
            set = true;
        } finally {
            if (!set) { // a half-made change is undone before the failure goes up
                closeQuietly(restore);
            }
        }
        return restore;
    }

    private static void closeQuietly(AutoCloseable restore) {
        try {
            restore.close();
        } catch (Exception e) {
            System.err.println("restoring the broker failed: " + e.getMessage());
        }
    }

    /**
     * Raises RabbitMQ's memory alarm (it blocks every connection that publishes) until closed;
     * closing restores the default watermark 0.4. Use it in try-with-resources, so the broker is
     * restored also when the test fails.
     */
    public static AutoCloseable memoryAlarm() {
        AutoCloseable restore = () -> {
            rabbitmqctl("set_vm_memory_high_watermark", "0.4");
            awaitAlarms(false);
        };
        boolean raised = false;
        try {
            rabbitmqctl("set_vm_memory_high_watermark", "0.000001");
            awaitAlarms(true);
            raised = true;
        } finally {
            if (!raised) { // the alarm never reached the test: restore the broker here
                closeQuietly(restore);
            }
        }
        return restore;
    }

    private static void awaitAlarms(boolean raised) {
        await("the broker's memory alarm to " + (raised ? "go off" : "clear")).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> rabbitmqctl("eval", "rabbit_alarm:get_alarms().").contains("memory") == raised);
    }

    /**
     * Starts a TLS (amqps) listener on the test broker with the given PEM files, verifying a client
     * certificate when one is presented (and requiring one if asked); returns the port to connect to. The broker's own
     * configuration is left alone: the listener lives until {@link #stopTlsListener} or the broker's
     * restart.
     */
    public static int startTlsListener(Path ca, Path cert, Path key,
            boolean requireClientCertificate) {
        ensureStarted();
        String dir = "/tmp/dp3-tls-test";
        Function<Path, String> onBroker = local -> {
            if (container == null) {
                return local.toAbsolutePath().toString();
            }
            container.copyFileToContainer(MountableFile.forHostPath(local, 0644),
                    dir + "/" + local.getFileName());
            return dir + "/" + local.getFileName();
        };
        int listenerPort = container != null ? 5671 : FreePort.next();
        String options = "[{cacertfile,\"" + onBroker.apply(ca) + "\"},{certfile,\"" + onBroker.apply(cert)
                + "\"},{keyfile,\""
                + onBroker.apply(key) + "\"},{verify,verify_peer},{fail_if_no_peer_cert," + requireClientCertificate
                + "}]";
        String result = rabbitmqctl("eval",
                "rabbit_networking:start_ssl_listener(" + tlsListener(listenerPort) + ", " + options + ", 1).");
        if (!result.trim().startsWith("ok")) {
            throw new IllegalStateException("the broker did not start a TLS listener: " + result);
        }
        return container != null ? container.getMappedPort(5671) : listenerPort;
    }

    public static void stopTlsListener(int port) {
        int listenerPort = container != null ? 5671 : port;
        rabbitmqctl("eval", "rabbit_networking:stop_tcp_listener(" + tlsListener(listenerPort) + ").");
    }

    private static String tlsListener(int listenerPort) {
        return container != null ? Integer.toString(listenerPort) : "{\"" + host() + "\", " + listenerPort + "}";
    }

    /** A plain amqp-client connection to another broker (a cluster node), guest/guest. */
    public static Connection connect(String h, int p) {
        try {
            return factory(h, p).newConnection("dp3-taskqueue test");
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect to RabbitMQ at " + h + ":" + p, e);
        }
    }

    /** Deletes every exchange and queue of a DP3 application (for the given worker count). */
    public static void deleteApp(String app, int workers) {
        deleteApp(connect(), app, workers);
    }

    /** {@link #deleteApp(String, int)} through the given connection (closed afterwards). */
    public static void deleteApp(Connection broker, String app, int workers) {
        try (Connection connection = broker) {
            Channel channel = connection.createChannel();
            for (String suffix : List.of("main-task-exchange", "priority-task-exchange", "main-snapshot-exchange",
                    "control-exchange")) {
                channel.exchangeDelete(app + "-" + suffix);
            }
            for (int i = 0; i < workers; i++) {
                for (String suffix : List.of("", "-pri", "-snapshots", "-control")) {
                    channel.queueDelete(app + "-worker-" + i + suffix);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cleaning up " + app + " failed", e);
        }
    }

    /** Declares worker 0's normal queue (bounded as DP3's, reject-publish) and priority queue of {@code app}. */
    public static void declareWorker0Queues(String app, int maxLength) {
        try (Connection connection = connect()) {
            Channel channel = connection.createChannel();
            channel.queueDeclare(app + "-worker-0", true, false, false,
                    Map.of("x-max-length", maxLength, "x-overflow", "reject-publish"));
            channel.queueDeclare(app + "-worker-0-pri", true, false, false, null);
        } catch (Exception e) {
            throw new IllegalStateException("declaring the queues of " + app + " failed", e);
        }
    }

    /** Messages ready in a queue. */
    public static long depth(String queue) {
        try (Connection connection = connect()) {
            return connection.createChannel().queueDeclarePassive(queue).getMessageCount();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the depth of " + queue, e);
        }
    }

    /** Takes (and acks) every message of a queue, returning the bodies in order. */
    public static List<byte[]> drain(String queue) {
        return drainResponses(queue).stream().map(GetResponse::getBody).toList();
    }

    /** Takes every message of a queue with its properties. */
    public static List<GetResponse> drainResponses(String queue) {
        return drainResponses(connect(), queue);
    }

    /** {@link #drainResponses(String)} through the given connection (closed afterwards). */
    public static List<GetResponse> drainResponses(Connection broker, String queue) {
        List<GetResponse> responses = new ArrayList<>();
        try (Connection connection = broker) {
            Channel channel = connection.createChannel();
            GetResponse response;
            while ((response = channel.basicGet(queue, true)) != null) {
                responses.add(response);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot drain " + queue, e);
        }
        return responses;
    }
}
