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
package io.github.dp3taskqueue.runner;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import org.apache.qpid.server.SystemLauncher;

/**
 * An in-process AMQP 0-9-1 broker (Apache Qpid Broker-J, in memory) for demos and trying
 * things out. It is started only when asked for; it never stands in for a configured broker
 * that is unreachable.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final String CONFIG = """
            {
              "name": "dp3-taskqueue-embedded",
              "modelVersion": "8.0",
              "authenticationproviders": [{"name": "plain", "type": "Plain", "secureOnlyMechanisms": [],
                "users": [{"name": "guest", "type": "managed", "password": "guest"}]}],
              "ports": [{"name": "AMQP", "port": "${qpid.amqp_port}", "authenticationProvider": "plain",
                "virtualhostaliases": [{"name": "nameAlias", "type": "nameAlias"},
                                       {"name": "defaultAlias", "type": "defaultAlias"}]}],
              "virtualhostnodes": [{"name": "default", "type": "Memory", "defaultVirtualHostNode": "true",
                "virtualHostInitialConfiguration": "{\\"type\\": \\"Memory\\"}"}]
            }
            """;

    private final SystemLauncher launcher = new SystemLauncher();
    private final int port;
    private final Path workDir;

    private EmbeddedBroker(int port, Path workDir) {
        this.port = port;
        this.workDir = workDir;
    }

    /** Starts a broker on {@code port}, or on a free port when it is 0. */
    public static EmbeddedBroker start(int port) throws Exception {
        int chosen = port > 0 ? port : freePort();
        Path workDir = Files.createTempDirectory("dp3-taskqueue-qpid");
        Path config = workDir.resolve("config.json");
        Files.writeString(config, CONFIG, StandardCharsets.UTF_8);
        EmbeddedBroker broker = new EmbeddedBroker(chosen, workDir);
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "Memory");
        attributes.put("initialConfigurationLocation", config.toUri().toString());
        attributes.put("startupLoggedToSystemOut", false);
        attributes.put("context",
                Map.of("qpid.amqp_port", Integer.toString(chosen), "qpid.work_dir", workDir.toString(),
                        "qpid.broker.defaultPreferenceStoreAttributes", "{\"type\": \"Noop\"}"));
        broker.launcher.startup(attributes);
        return broker;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        launcher.shutdown();
        try (var files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: nothing depends on its removal
        }
    }
}
