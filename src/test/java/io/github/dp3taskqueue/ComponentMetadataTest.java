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
package io.github.dp3taskqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.dp3taskqueue.testing.Documents;

/**
 * The component JSON that Camel's generator writes (and Kaoto, the IDE plugins and Camel's catalog
 * read) says what the source says: every description as written, no default that is not the real
 * one, the async flag; and Camel's catalog accepts the README's URIs with it.
 */
class ComponentMetadataTest {

    static final String JSON = "META-INF/io/github/dp3taskqueue/dp3-taskqueue.json";
    private static JsonNode component;

    @BeforeAll
    static void load() throws IOException {
        component = new ObjectMapper().readTree(resource(JSON));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = ComponentMetadataTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name + " on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The description of every option and header in the source, by the name the JSON uses. */
    static Map<String, String> sourceDescriptions() throws IllegalAccessException {
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (Class<?> type : List.of(TaskQueueConfiguration.class, TaskQueueEndpoint.class, TaskQueueComponent.class,
                TaskQueueConstants.class)) {
            for (Field field : type.getDeclaredFields()) {
                UriParam param = field.getAnnotation(UriParam.class);
                UriPath path = field.getAnnotation(UriPath.class);
                Metadata metadata = field.getAnnotation(Metadata.class);
                if (type == TaskQueueConstants.class && metadata == null) {
                    continue; // not a header of the component's own (the trace context's names)
                }
                String name = type == TaskQueueConstants.class ? (String) field.get(null) : field.getName();
                String description = param != null ? param.description() : path != null ? path.description()
                        : metadata != null ? metadata.description() : "";
                if (!description.isEmpty()) {
                    descriptions.put(name, description);
                }
            }
        }
        return descriptions;
    }

    @Test
    void everyDescriptionReadsAsWrittenInTheSource() throws IllegalAccessException {
        // Camel's generator strips ?, [, ], | and * from descriptions: a description using them
        // reads wrongly in the catalog, the README and every tool
        Map<String, String> source = sourceDescriptions();
        int compared = 0;
        for (String section : List.of("componentProperties", "properties", "headers")) {
            for (Map.Entry<String, JsonNode> option : component.get(section).properties()) {
                String written = source.get(option.getKey());
                if (written != null) {
                    assertThat(option.getValue().get("description").asText()).as("%s %s", section, option.getKey())
                            .isEqualTo(written);
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(source.size());
    }

    @Test
    void optionsWhoseDefaultComesFromConfigDirDeclareNone() {
        // a tool that writes declared defaults into a route would pin them and override configDir
        for (String option : List.of("workers", "host", "port", "virtualHost", "username", "password")) {
            assertThat(component.get("properties").get(option).has("defaultValue")).as(option).isFalse();
            assertThat(component.get("componentProperties").get(option).has("defaultValue")).as(option).isFalse();
        }
    }

    @Test
    void theEndpointIsAsynchronous() {
        assertThat(component.get("component").get("async").asBoolean()).isTrue();
    }

    @Test
    void theJarListsItsComponentAsCamelComponentJarsDo() throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(resource("META-INF/services/org/apache/camel/component.properties")));
        JsonNode about = component.get("component");
        assertThat(properties.getProperty("components")).isEqualTo("dp3-taskqueue");
        assertThat(properties.getProperty("groupId")).isEqualTo(about.get("groupId").asText());
        assertThat(properties.getProperty("artifactId")).isEqualTo(about.get("artifactId").asText());
        assertThat(properties.getProperty("version")).isEqualTo(about.get("version").asText()).doesNotContain("${");
    }

    /** The concrete endpoint URIs of the documents (not the APP/N/i placeholder forms). */
    static List<String> documentedUris() throws IOException {
        Matcher uri = Pattern.compile("(?<![\\w-])dp3-taskqueue:[a-z][a-z0-9]*(\\?[^\\s`\"'()]*)?").matcher(
                Documents.allText());
        List<String> uris = new ArrayList<>();
        while (uri.find()) {
            uris.add(uri.group());
        }
        return uris.stream().distinct().collect(Collectors.toList());
    }

    @Test
    void camelsCatalogAcceptsTheDocumentedUrisAndRefusesAMisspeltOption() throws IOException {
        CamelCatalog catalog = new DefaultCamelCatalog();
        catalog.addComponent("dp3-taskqueue", TaskQueueComponent.class.getName(), resource(JSON));
        List<String> uris = documentedUris();
        assertThat(uris).hasSizeGreaterThan(3);
        for (String uri : uris) {
            EndpointValidationResult result = catalog.validateEndpointProperties(uri);
            assertThat(result.isSuccess()).as("%s: %s", uri, result.summaryErrorMessage(false)).isTrue();
        }
        EndpointValidationResult misspelt = catalog.validateEndpointProperties("dp3-taskqueue:myapp?wrokers=4");
        assertThat(misspelt.isSuccess()).isFalse();
        assertThat(misspelt.getUnknown()).containsExactly("wrokers");
        assertThat(catalog.validateEndpointProperties("dp3-taskqueue:myapp?onFailure=drop").isSuccess()).isFalse();
    }
}
