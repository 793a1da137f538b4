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
package io.github.dp3taskqueue.dp3.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.github.dp3taskqueue.dp3.model.DataModel;

/**
 * What a task-queue client reads from a DP3 config directory (PROTOCOL.md §7): the broker
 * settings and worker count of {@code processing_core.yml}, and the data model of
 * {@code db_entities/*.yml}. A setting the file does not give is {@code null}.
 *
 * @param host            {@code msg_broker.host}
 * @param port            {@code msg_broker.port}
 * @param virtualHost     {@code msg_broker.virtual_host}
 * @param username        {@code msg_broker.username}
 * @param password        {@code msg_broker.password}
 * @param workerProcesses {@code worker_processes}
 * @param dataModel       the whole data model of {@code db_entities/}
 * @param enabledModules  {@code enabled_modules}: the modules DP3's API accepts in {@code refresh_module_config}
 * @param directory       the directory read
 * @param warnings        what was defaulted because the directory lacks one of its two parts
 */
public record Dp3Config(String host, Integer port, String virtualHost, String username, String password,
        Integer workerProcesses, DataModel dataModel, List<String> enabledModules, Path directory,
        List<String> warnings) {

    private static final YamlFiles YAML = new YamlFiles();

    /**
     * Reads a DP3 config directory.
     *
     * @throws IllegalArgumentException naming the file and the problem
     */
    public static Dp3Config read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("configDir " + directory + " is not a directory");
        }
        Path core = directory.resolve("processing_core.yml");
        boolean hasCore = Files.isRegularFile(core);
        boolean hasEntities = Files.isDirectory(directory.resolve("db_entities"));
        if (!hasCore && !hasEntities) {
            throw new IllegalArgumentException("configDir " + directory + " has neither processing_core.yml nor "
                    + "db_entities/: is it DP3's config directory (the one that holds both)?" + looksLike(directory));
        }
        List<String> warnings = new ArrayList<>();
        if (!hasCore) {
            warnings.add("configDir " + directory + " has no processing_core.yml: worker_processes defaults to 1 "
                    + "and the broker (msg_broker.*) to the options or DP3's defaults (localhost:5672, guest)");
        }
        if (!hasEntities) {
            warnings.add("configDir " + directory + " has no db_entities/: the data model has no entity type, so "
                    + "every data point task is refused");
        }
        JsonNode root = Files.exists(core) ? YAML.read(core) : null;
        if (root == null) {
            root = JsonNodeFactory.instance.objectNode();
        }
        JsonNode broker = root.path("msg_broker");
        Integer workers = intOrNull(root.path("worker_processes"), core, "worker_processes");
        DataModel model = DataModelReader.read(directory, YAML);
        if (workers != null && workers < 1) {
            throw new IllegalArgumentException(core + ": worker_processes must be >= 1; got " + workers);
        }
        return new Dp3Config(textOrNull(broker.path("host")), intOrNull(broker.path("port"), core, "msg_broker.port"),
                textOrNull(broker.path("virtual_host")), textOrNull(broker.path("username")),
                textOrNull(broker.path("password")), workers, model,
                modules(root.path("enabled_modules")), directory, List.copyOf(warnings));
    }

    /** Where a setting of processing_core.yml was read: {@code /etc/dp3/processing_core.yml (worker_processes)}. */
    public String source(String key) {
        return "configDir " + directory.resolve("processing_core.yml") + " (" + key + ")";
    }

    /** A hint when the directory looks like a part of DP3's config directory rather than the whole. */
    private static String looksLike(Path directory) {
        String name = directory.getFileName() == null ? "" : directory.getFileName().toString();
        if (name.equals("db_entities")) {
            return " It looks like db_entities/ itself: give its parent, " + directory.getParent() + ".";
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(f -> f.toString().endsWith(".yml"))
                    ? " It holds .yml files, as db_entities/ does: give the directory that contains db_entities/."
                    : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static List<String> modules(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.forEach(module -> names.add(module.asText()));
        return List.copyOf(names);
    }

    private static String textOrNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static Integer intOrNull(JsonNode node, Path file, String key) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        // YAML gives 5672 as a number and "5672" as text: both are the integer DP3 reads
        String text = node.asText().trim();
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.asInt();
        }
        if (node.isTextual() && text.matches("\\d{1,9}")) {
            return Integer.parseInt(text);
        }
        throw new IllegalArgumentException(file + ": " + key + " must be an integer; got " + node.asText());
    }

    @Override
    public String toString() {
        // a record's default toString would print the password
        return "Dp3Config[host=" + host + ", port=" + port + ", virtualHost=" + virtualHost + ", username=" + username
                + ", password=" + (password == null ? null : "xxxxxx") + ", workerProcesses=" + workerProcesses
                + ", enabledModules=" + enabledModules + "]";
    }
}
