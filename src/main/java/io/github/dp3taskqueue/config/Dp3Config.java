package io.github.dp3taskqueue.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.github.dp3taskqueue.routing.EntityModel;
import io.github.dp3taskqueue.routing.IdType;

/**
 * What a task-queue client reads from a DP3 config directory (PROTOCOL.md §7): the broker
 * settings and worker count of {@code processing_core.yml}, and the entity id types of
 * {@code db_entities/*.yml}. A setting the file does not give is {@code null}.
 *
 * @param host            {@code msg_broker.host}
 * @param port            {@code msg_broker.port}
 * @param virtualHost     {@code msg_broker.virtual_host}
 * @param username        {@code msg_broker.username}
 * @param password        {@code msg_broker.password}
 * @param workerProcesses {@code worker_processes}
 * @param entityModel     the declared entity types
 */
public record Dp3Config(String host, Integer port, String virtualHost, String username, String password,
        Integer workerProcesses, EntityModel entityModel) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

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
        JsonNode root = Files.exists(core) ? readYaml(core) : YAML.createObjectNode();
        JsonNode broker = root.path("msg_broker");
        Integer workers = intOrNull(root.path("worker_processes"), core, "worker_processes");
        if (workers != null && workers < 1) {
            throw new IllegalArgumentException(core + ": worker_processes must be >= 1; got " + workers);
        }
        return new Dp3Config(textOrNull(broker.path("host")), intOrNull(broker.path("port"), core, "msg_broker.port"),
                textOrNull(broker.path("virtual_host")), textOrNull(broker.path("username")),
                textOrNull(broker.path("password")), workers, EntityModel.declared(readEntities(directory)));
    }

    private static Map<String, IdType> readEntities(Path directory) {
        Path entities = directory.resolve("db_entities");
        Map<String, IdType> types = new LinkedHashMap<>();
        if (!Files.isDirectory(entities)) {
            return types;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(entities)) {
            files = listing.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + entities, e);
        }
        for (Path file : files) {
            JsonNode entity = readYaml(file).path("entity");
            String id = textOrNull(entity.path("id"));
            if (id == null) {
                throw new IllegalArgumentException(file + ": missing entity.id");
            }
            String idType = textOrNull(entity.path("id_data_type"));
            try {
                types.put(id, idType == null ? IdType.STRING : IdType.fromConfigName(idType));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        }
        return types;
    }

    private static JsonNode readYaml(Path file) {
        try {
            JsonNode node = YAML.readTree(file.toFile());
            return node == null ? YAML.createObjectNode() : node;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read DP3 config file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String textOrNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static Integer intOrNull(JsonNode node, Path file, String key) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt() || !(node.isIntegralNumber() || node.asText().matches("\\d+"))) {
            throw new IllegalArgumentException(file + ": " + key + " must be an integer; got " + node.asText());
        }
        return node.asInt();
    }
}
