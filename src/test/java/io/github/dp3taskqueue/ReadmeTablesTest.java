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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The README's option and header tables are the component JSON's, so they cannot drift from the
 * code: this test renders them and compares. After changing an option or a header, run it once
 * with {@code -Ddp3.readme.write=true} to rewrite the tables in the README.
 */
class ReadmeTablesTest {

    private static final Path README = Path.of("README.md");

    static String options(JsonNode component) {
        StringBuilder table = new StringBuilder("| option | group | default | description |\n|---|---|---|---|\n");
        for (Map.Entry<String, JsonNode> option : component.get("properties").properties()) {
            JsonNode o = option.getValue();
            table.append("| `").append(option.getKey()).append("` | ")
                    .append(o.get("label").asText().isEmpty() ? o.get("kind").asText() : o.get("label").asText())
                    .append(" | ")
                    .append(o.has("defaultValue") ? o.get("defaultValue").asText() : "").append(" | ")
                    .append(o.get("description").asText()).append(" |\n");
        }
        return table.toString();
    }

    static String headers(JsonNode component) {
        StringBuilder table = new StringBuilder("| header | side | type | description |\n|---|---|---|---|\n");
        for (Map.Entry<String, JsonNode> header : component.get("headers").properties()) {
            JsonNode h = header.getValue();
            table.append("| `").append(header.getKey()).append("` | ").append(h.get("label").asText()).append(" | `")
                    .append(h.get("javaType").asText()).append("` | ").append(h.get("description").asText())
                    .append(" |\n");
        }
        return table.toString();
    }

    /** The README with the text between the two markers of {@code name} replaced by {@code table}. */
    static String withTable(String readme, String name, String table) {
        String begin = "<!-- " + name + " table: generated from the component JSON by ReadmeTablesTest -->\n";
        String end = "<!-- end of " + name + " table -->";
        int from = readme.indexOf(begin);
        int to = readme.indexOf(end);
        assertThat(from).as("the README's marker %s", begin.trim()).isNotNegative();
        assertThat(to).as("the README's marker %s", end).isGreaterThan(from);
        return readme.substring(0, from + begin.length()) + table + readme.substring(to);
    }

    @Test
    void theReadmesOptionAndHeaderTablesAreTheComponentJsons() throws IOException {
        JsonNode component = new ObjectMapper().readTree(ComponentMetadataTest.resource(ComponentMetadataTest.JSON));
        String readme = Files.readString(README);
        String expected = withTable(withTable(readme, "options", options(component)), "headers", headers(component));
        if (Boolean.getBoolean("dp3.readme.write")) {
            Files.writeString(README, expected);
        }
        assertThat(readme).as("README.md's tables differ from the component JSON: run ReadmeTablesTest with "
                + "-Ddp3.readme.write=true").isEqualTo(expected);
    }
}
