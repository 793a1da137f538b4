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
package io.github.dp3taskqueue.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the built component jar carries for the tools: Spring Boot's configuration metadata for
 * every component option (IDE completion and checks of {@code camel.component.dp3-taskqueue.*}),
 * and Camel's {@code component.properties}. Read from the jar itself, after {@code package}.
 */
class PackagedMetadataIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, byte[]> entries;

    @BeforeAll
    static void readJar() throws IOException {
        Path jar;
        try (Stream<Path> target = Files.list(Path.of("target"))) {
            jar = target.filter(p -> p.getFileName().toString().matches("camel-dp3-taskqueue-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().contains("-sources")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no target/camel-dp3-taskqueue-*.jar: run mvn package first"));
        }
        entries = new HashMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String name : List.of("META-INF/spring-configuration-metadata.json",
                    "META-INF/io/github/dp3taskqueue/dp3-taskqueue.json",
                    "META-INF/services/org/apache/camel/component.properties")) {
                assertThat(file.getEntry(name)).as("%s in %s", name, jar).isNotNull();
                try (InputStream in = file.getInputStream(file.getEntry(name))) {
                    entries.put(name, in.readAllBytes());
                }
            }
        }
    }

    @Test
    void springMetadataListsEveryComponentOptionWithItsDescriptionAndDefault() throws IOException {
        JsonNode component = JSON.readTree(entries.get("META-INF/io/github/dp3taskqueue/dp3-taskqueue.json"));
        Map<String, JsonNode> spring = new HashMap<>();
        JSON.readTree(entries.get("META-INF/spring-configuration-metadata.json")).get("properties")
                .forEach(p -> spring.put(p.get("name").asText(), p));
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> option : component.get("componentProperties").properties()) {
            String name = "camel.component.dp3-taskqueue."
                    + option.getKey().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
            JsonNode property = spring.get(name);
            if (property == null) {
                missing.add(name);
                continue;
            }
            assertThat(property.get("description").asText()).as(name)
                    .isEqualTo(option.getValue().get("description").asText());
            assertThat(property.has("type")).as(name).isTrue();
            assertThat(property.has("defaultValue")).as(name).isEqualTo(option.getValue().has("defaultValue"));
        }
        assertThat(missing).as("component options missing from spring-configuration-metadata.json").isEmpty();
        assertThat(spring).containsKeys("camel.component.dp3-taskqueue.enabled",
                "camel.component.dp3-taskqueue.customizer.enabled");
        assertThat(spring.get("camel.component.dp3-taskqueue.workers").has("defaultValue")).isFalse();
        assertThat(spring.get("camel.component.dp3-taskqueue.connection-timeout").get("type").asText())
                .isEqualTo("java.time.Duration");
    }

    @Test
    void componentPropertiesNameTheComponentAndTheArtifact() throws IOException {
        Properties properties = new Properties();
        properties.load(new ByteArrayInputStream(
                entries.get("META-INF/services/org/apache/camel/component.properties")));
        assertThat(properties.getProperty("components")).isEqualTo("dp3-taskqueue");
        assertThat(properties.getProperty("artifactId")).isEqualTo("camel-dp3-taskqueue");
        assertThat(properties.getProperty("version")).doesNotContain("${");
    }
}
