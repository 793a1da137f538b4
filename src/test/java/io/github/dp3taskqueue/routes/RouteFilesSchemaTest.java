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
package io.github.dp3taskqueue.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.github.dp3taskqueue.testing.Documents;

/**
 * Every route file the project ships validates against the YAML DSL's own JSON schema (the one in
 * the camel-yaml-dsl jar, which Kaoto and the IDEs' YAML plugins use): a file that Camel happens to
 * load but the schema refuses is marked red in those tools.
 */
class RouteFilesSchemaTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = RouteFilesSchemaTest.class.getClassLoader()
                .getResourceAsStream("schema/camelYamlDsl.json")) {
            assertThat(in).as("schema/camelYamlDsl.json of camel-yaml-dsl on the class path").isNotNull();
            JsonNode node = new ObjectMapper().readTree(in);
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(node);
        }
    }

    static Stream<Path> routeFiles() throws IOException {
        Stream<Path> shipped;
        try (Stream<Path> listing = Files.list(Path.of("routes"))) {
            shipped = listing.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
        return Stream.concat(shipped, Stream.of(Path.of("src/it/quarkus-app/src/main/resources/routes.yaml"),
                Path.of("src/test/resources/spring-boot-routes.yaml")));
    }

    @ParameterizedTest
    @MethodSource("routeFiles")
    void validatesAgainstTheYamlDslSchema(Path file) throws IOException {
        JsonNode routes = YAML.readTree(file.toFile());
        List<Error> errors = schema.validate(routes);
        assertThat(errors).as("schema errors of %s", file).extracting(Error::toString).isEmpty();
    }

    /** The YAML route examples of the documents: users paste them into the same tools. */
    static Stream<String> documentedRoutes() throws IOException {
        Matcher block = Pattern.compile("(?:```yaml|\\[source,yaml\\]\n----)\n(- route.*?)(?:```|----)", Pattern.DOTALL)
                .matcher(Documents.allText());
        List<String> routes = new ArrayList<>();
        while (block.find()) {
            routes.add(block.group(1));
        }
        assertThat(routes).hasSizeGreaterThan(2);
        return routes.stream();
    }

    @ParameterizedTest
    @MethodSource("documentedRoutes")
    void theDocumentsRouteExamplesValidateToo(String yaml) throws IOException {
        assertThat(schema.validate(YAML.readTree(yaml))).as("schema errors of a documented route%n%s", yaml)
                .extracting(Error::toString).isEmpty();
    }

    @Test
    void theSchemaRefusesWhatToolsMarkRed() throws IOException {
        // the check itself can fail: an unquoted integer constant is what feed-http.yaml once had
        JsonNode bad = YAML.readTree("- route:\n    from:\n      uri: timer:x\n      steps:\n        - setHeader:\n"
                + "            name: CamelHttpResponseCode\n            constant: 202\n");
        assertThat(schema.validate(bad)).isNotEmpty();
    }
}
