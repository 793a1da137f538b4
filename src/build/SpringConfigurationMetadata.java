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
import java.io.File;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Build step (exec-maven-plugin, process-classes, run by the JDK's source launcher): writes Spring
 * Boot's META-INF/spring-configuration-metadata.json for every camel.component.dp3-taskqueue.*
 * property from the component JSON Camel's generator has just written, so the two cannot differ.
 * The switches every Camel starter has (enabled, customizer.enabled) are added. Not part of the jar's code.
 *
 * Arguments: the component JSON, then one or more files to write.
 */
public class SpringConfigurationMetadata {

    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        JsonNode json = mapper.readTree(new File(args[0]));
        JsonNode component = json.get("component");
        String prefix = "camel.component." + component.get("scheme").asText();
        ObjectNode metadata = mapper.createObjectNode();
        metadata.putArray("groups").addObject().put("name", prefix).put("type", component.get("javaType").asText())
                .put("description", component.get("description").asText());
        ArrayNode properties = metadata.putArray("properties");
        ArrayNode hints = metadata.putArray("hints");
        properties.addObject().put("name", prefix + ".enabled").put("type", "java.lang.Boolean")
                .put("description", "Whether to enable auto configuration of the " + component.get("scheme").asText()
                        + " component. This is enabled by default.")
                .put("defaultValue", true);
        properties.addObject().put("name", prefix + ".customizer.enabled").put("type", "java.lang.Boolean")
                .put("description", "Whether the camel.component." + component.get("scheme").asText()
                        + ".* properties are applied to the component. This is enabled by default.")
                .put("defaultValue", true);
        for (Map.Entry<String, JsonNode> option : json.get("componentProperties").properties()) {
            JsonNode o = option.getValue();
            String name = prefix + "." + kebab(option.getKey());
            ObjectNode property = properties.addObject().put("name", name).put("type", springType(o))
                    .put("description", o.get("description").asText());
            property.put("sourceType", component.get("javaType").asText());
            if (o.has("defaultValue")) {
                JsonNode value = o.get("defaultValue");
                switch (o.get("type").asText()) {
                    case "boolean" -> property.put("defaultValue", value.asBoolean());
                    case "integer" -> property.put("defaultValue", value.asLong());
                    default -> property.put("defaultValue", value.asText());
                }
            }
            if (o.has("enum")) {
                ArrayNode values = hints.addObject().put("name", name).putArray("values");
                o.get("enum").forEach(v -> values.addObject().put("value", v.asText()));
            }
        }
        for (int i = 1; i < args.length; i++) {
            File out = new File(args[i]);
            out.getParentFile().mkdirs();
            mapper.writeValue(out, metadata);
        }
    }

    /** The Java type Spring's binder and the IDEs check a value against. */
    private static String springType(JsonNode option) {
        String javaType = option.get("javaType").asText();
        return switch (option.get("type").asText()) {
            case "duration" -> "java.time.Duration"; // written as 10s, 500ms or a number of milliseconds
            case "boolean" -> "java.lang.Boolean";
            case "integer" ->
                javaType.equals("long") || javaType.equals("java.lang.Long") ? "java.lang.Long" : "java.lang.Integer";
            default -> javaType;
        };
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
