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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.dp3taskqueue.dp3.model.DataModel;
import io.github.dp3taskqueue.dp3.model.ModelBuilder;

/**
 * Reads {@code db_entities/} as DP3 does (MODEL.md §1): one entity type per {@code .yml} file
 * (empty files skipped), whose name must be its {@code entity.id}. Everything DP3 refuses is an
 * {@link IllegalArgumentException} naming the file, the attribute and the problem.
 */
final class DataModelReader {

    private DataModelReader() {
    }

    static DataModel read(Path directory, YamlFiles yaml) {
        Path dir = directory.resolve("db_entities");
        if (!Files.isDirectory(dir)) {
            return DataModel.declared(Map.of());
        }
        List<Path> entries;
        try (Stream<Path> listing = Files.list(dir)) {
            entries = listing.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        ModelBuilder builder = new ModelBuilder();
        Map<String, Path> files = new LinkedHashMap<>();
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (Files.isDirectory(entry)) {
                throw new IllegalArgumentException(
                        entry + ": DP3 reads a sub-directory of db_entities/ as the entity type '"
                                + name + "' and refuses it (Invalid entity specification for '" + name + "')");
            }
            if (!name.endsWith(".yml")) {
                continue; // DP3 reads .yml files only
            }
            JsonNode root = yaml.read(entry);
            if (root == null || root.isNull()) {
                continue; // an empty file: DP3 skips it
            }
            String etype = name.substring(0, name.length() - 4);
            files.put(etype, entry);
            try {
                EntityFile.add(builder, etype, root);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(entry + ": " + e.getMessage(), e);
            }
        }
        try {
            return builder.build();
        } catch (ModelBuilder.ModelException e) {
            Path file = files.get(e.etype());
            throw new IllegalArgumentException(
                    (file == null ? dir.toString() : file.toString()) + ": " + e.getMessage(), e);
        }
    }
}
