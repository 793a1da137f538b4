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
package io.github.dp3taskqueue.kamelets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The Kamelets follow the camel-kamelets catalogue's rules: the name and title end with their
 * type, every parameter is declared and used, a password is marked as one and as a credential, and
 * the component is a dependency at the version of this build.
 */
class KameletsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z0-9]+)}}");

    @ParameterizedTest
    @ValueSource(strings = {"sink", "source"})
    void followsTheCataloguesRules(String type) throws Exception {
        Path file = Path.of("src/main/resources/kamelets/dp3-taskqueue-" + type + ".kamelet.yaml");
        String text = Files.readString(file);
        JsonNode kamelet = new ObjectMapper(new YAMLFactory()).readTree(text);
        assertThat(kamelet.path("kind").asText()).isEqualTo("Kamelet");
        assertThat(kamelet.at("/metadata/name").asText()).isEqualTo("dp3-taskqueue-" + type);
        assertThat(kamelet.at("/metadata/labels").path("camel.apache.org/kamelet.type").asText()).isEqualTo(type);
        JsonNode definition = kamelet.at("/spec/definition");
        assertThat(definition.path("title").asText()).endsWith(type.equals("sink") ? " Sink" : " Source");
        assertThat(definition.path("type").asText()).isEqualTo("object");

        Set<String> declared = new TreeSet<>();
        definition.path("properties").fieldNames().forEachRemaining(declared::add);
        Set<String> used = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(kamelet.at("/spec/template").toString());
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(used).as("every parameter used is declared, and every one declared is used")
                .isEqualTo(declared);
        definition.path("required").forEach(r -> assertThat(declared).contains(r.asText()));
        for (Map.Entry<String, JsonNode> p : (Iterable<Map.Entry<String, JsonNode>>) () -> definition
                .path("properties").fields()) {
            assertThat(p.getValue().path("title").asText()).as(p.getKey()).isNotBlank();
            assertThat(p.getValue().path("description").asText()).as(p.getKey()).isNotBlank();
            assertThat(p.getValue().path("type").asText()).as(p.getKey()).isIn("string", "integer", "boolean");
        }
        JsonNode password = definition.at("/properties/password");
        assertThat(password.path("format").asText()).isEqualTo("password");
        assertThat(password.path("x-descriptors").toString()).contains("urn:camel:group:credentials");
        assertThat(definition.at("/properties/username/x-descriptors").toString())
                .contains("urn:camel:group:credentials");

        String version = projectVersion();
        assertThat(kamelet.at("/spec/dependencies").toString())
                .contains("mvn:io.github.dp3taskqueue:camel-dp3-taskqueue:" + version).contains("camel:kamelet");
        assertThat(kamelet.at("/metadata/annotations").path("camel.apache.org/catalog.version").asText())
                .isEqualTo(version);
    }

    private static String projectVersion() throws Exception {
        Matcher m = Pattern.compile("<artifactId>camel-dp3-taskqueue</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
