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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A RabbitMQ node of the tests' own, from this machine's RabbitMQ installation: its own node name,
 * free AMQP and distribution ports, its own data, log and configuration directory, stopped and
 * removed when the test JVM ends. The tests change it (alarms, policies, a stopped application)
 * freely: it is never a broker an operator runs.
 */
final class OwnBroker {

    private static final List<Path> BIN_DIRS = List.of(Path.of("/usr/lib/rabbitmq/bin"), Path.of("/usr/sbin"),
            Path.of("/usr/local/sbin"), Path.of("/opt/homebrew/sbin"), Path.of("/usr/local/bin"));

    final String node;
    final int port;
    private final int distributionPort = FreePort.next();
    private final Path dir;
    private final Path bin;

    private OwnBroker(String node, int port, Path dir, Path bin) {
        this.node = node;
        this.port = port;
        this.dir = dir;
        this.bin = bin;
    }

    /** Whether this machine has RabbitMQ's programs ({@code rabbitmq-server}, {@code rabbitmqctl}). */
    static Path installation() {
        return BIN_DIRS.stream().filter(d -> Files.isExecutable(d.resolve("rabbitmq-server"))
                && Files.isExecutable(d.resolve("rabbitmqctl"))).findFirst().orElse(null);
    }

    /** Starts a node and waits until it takes connections (about 10 s). */
    static OwnBroker start(Path bin) {
        try {
            String node = "dp3test-" + ProcessHandle.current().pid() + "@localhost";
            int port = FreePort.next();
            Path dir = Files.createTempDirectory("dp3-test-broker-");
            Files.createDirectories(dir.resolve("mnesia"));
            Files.createDirectories(dir.resolve("log"));
            Files.writeString(dir.resolve("rabbitmq.conf"),
                    "listeners.tcp.local = 127.0.0.1:" + port + "\nloopback_users = none\n");
            Files.writeString(dir.resolve("enabled_plugins"), "[].\n");
            OwnBroker broker = new OwnBroker(node, port, dir, bin);
            broker.run(120, List.of(bin.resolve("rabbitmq-server").toString(), "-detached"));
            broker.ctl(180, "wait", dir.resolve("pid").toString(), "--timeout", "180");
            broker.ctl(60, "await_startup", "--timeout", "60");
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "dp3-test-broker-stop"));
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the tests' own RabbitMQ node", e);
        }
    }

    /** {@code rabbitmqctl -n NODE ARGS...}: its output; an error names the command and its output. */
    String ctl(long timeoutSeconds, String... args) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("rabbitmqctl").toString(), "-n", node));
        command.addAll(List.of(args));
        return run(timeoutSeconds, command);
    }

    private String run(long timeoutSeconds, List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.put("RABBITMQ_NODENAME", node);
            env.put("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
            env.put("RABBITMQ_NODE_PORT", Integer.toString(port));
            env.put("RABBITMQ_DIST_PORT", Integer.toString(distributionPort));
            env.put("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString());
            env.put("RABBITMQ_LOG_BASE", dir.resolve("log").toString());
            env.put("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq").toString());
            env.put("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString());
            env.put("RABBITMQ_PID_FILE", dir.resolve("pid").toString());
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end in " + timeoutSeconds + " s");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): "
                        + text + logTail());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String logTail() {
        try (Stream<Path> logs = Files.list(dir.resolve("log"))) {
            StringBuilder out = new StringBuilder();
            for (Path log : logs.toList()) {
                List<String> lines = Files.readAllLines(log);
                out.append("\n").append(log).append(":\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
            }
            return out.toString();
        } catch (IOException e) {
            return "";
        }
    }

    /** Stops the node and deletes its directory. */
    void stop() {
        try {
            ctl(60, "stop");
        } catch (RuntimeException e) {
            System.err.println("stopping the tests' own RabbitMQ node " + node + ": " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: nothing depends on its removal
        }
    }

}
