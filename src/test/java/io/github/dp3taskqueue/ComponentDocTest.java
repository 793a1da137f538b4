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
 * The component page (src/main/docs/dp3-taskqueue-component.adoc) carries the options and headers
 * tables of the component JSON, so they cannot drift from the code: this test renders them, as
 * Camel's own component pages lay them out, and compares. After changing an option or a header,
 * run it once with {@code -Ddp3.docs.write=true} to rewrite the tables.
 */
class ComponentDocTest {

    static final Path PAGE = Path.of("src/main/docs/dp3-taskqueue-component.adoc");

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** {@code TaskQueueConstants#QUEUE} of {@code io.github.dp3taskqueue.TaskQueueConstants#QUEUE}. */
    private static String simpleConstant(String constant) {
        String type = constant.substring(0, constant.indexOf('#'));
        return type.substring(type.lastIndexOf('.') + 1) + constant.substring(constant.indexOf('#'));
    }

    private static String type(JsonNode option) {
        String javaType = option.get("javaType").asText();
        String simple = javaType.substring(javaType.lastIndexOf('.') + 1);
        return javaType.contains("<") ? option.get("type").asText() : simple;
    }

    /** One options table: {@code Name | Description | Default | Type}, as Camel's pages have it. */
    static String options(String what, JsonNode options) {
        StringBuilder table = new StringBuilder("The DP3 Task Queue " + what + " supports " + options.size()
                + " options, which are listed below.\n\n[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n"
                + "| Name | Description | Default | Type\n");
        for (Map.Entry<String, JsonNode> option : options.properties()) {
            JsonNode o = option.getValue();
            String group = o.get("group").asText();
            table.append("| *").append(option.getKey()).append("* (").append(group).append(") | ")
                    .append(cell(o.get("description").asText())).append(" | ")
                    .append(o.has("defaultValue") ? cell(o.get("defaultValue").asText()) : "").append(" | ")
                    .append(type(o)).append('\n');
        }
        return table.append("|===\n").toString();
    }

    static String headers(JsonNode headers) {
        StringBuilder table = new StringBuilder("The DP3 Task Queue component supports " + headers.size()
                + " message headers, which are listed below: producer headers are read (and removed after a "
                + "successful send) or set by the producer, consumer headers set by the consumer.\n\n"
                + "[width=\"100%\",cols=\"10%,10%,10%,10%,50%\",options=\"header\"]\n|===\n"
                + "| Name | Constant | Side | Type | Description\n");
        for (Map.Entry<String, JsonNode> header : headers.properties()) {
            JsonNode h = header.getValue();
            table.append("| *").append(header.getKey()).append("* | `")
                    .append(simpleConstant(h.get("constantName").asText()))
                    .append("` | ").append(h.get("label").asText()).append(" | `")
                    .append(cell(h.get("javaType").asText())).append("` | ")
                    .append(cell(h.get("description").asText())).append('\n');
        }
        return table.append("|===\n").toString();
    }

    /** The page with the text between the markers of {@code name} replaced by {@code table}. */
    static String withTable(String page, String name, String table) {
        String begin = "// " + name + ": START\n";
        String end = "// " + name + ": END";
        int from = page.indexOf(begin);
        int to = page.indexOf(end);
        assertThat(from).as("the component page's marker %s", begin.trim()).isNotNegative();
        assertThat(to).as("the component page's marker %s", end).isGreaterThan(from);
        return page.substring(0, from + begin.length())
                + "// generated from the component JSON by ComponentDocTest: do not edit by hand\n" + table
                + page.substring(to);
    }

    @Test
    void theComponentPagesTablesAreTheComponentJsons() throws IOException {
        JsonNode json = new ObjectMapper().readTree(ComponentMetadataTest.resource(ComponentMetadataTest.JSON));
        String page = Files.readString(PAGE);
        String expected = withTable(withTable(withTable(page, "component options",
                "\n=== Component Options\n\n" + options("component", json.get("componentProperties")) + "\n"),
                "endpoint options", "\n=== Endpoint Options\n\n" + options("endpoint", json.get("properties")) + "\n"),
                "component headers", "\n=== Message Headers\n\n" + headers(json.get("headers")) + "\n");
        if (Boolean.getBoolean("dp3.docs.write")) {
            Files.writeString(PAGE, expected);
        }
        assertThat(page).as("the component page's tables differ from the component JSON: run ComponentDocTest with "
                + "-Ddp3.docs.write=true").isEqualTo(expected);
    }

    @Test
    void thePageIsInCamelsFormAndNamesEveryOption() throws IOException {
        JsonNode json = new ObjectMapper().readTree(ComponentMetadataTest.resource(ComponentMetadataTest.JSON));
        String page = Files.readString(PAGE);
        assertThat(page).startsWith("= DP3 Task Queue Component\n").contains(":shortname: dp3-taskqueue\n",
                ":artifactid: camel-dp3-taskqueue\n", ":component-header: Both producer and consumer are supported",
                "== URI format", "dp3-taskqueue:application[?options]", "== Usage", "== Examples");
        json.get("properties").fieldNames().forEachRemaining(name -> assertThat(page).contains("| *" + name + "* ("));
        json.get("headers").fieldNames().forEachRemaining(name -> assertThat(page).contains("| *" + name + "* |"));
    }
}
