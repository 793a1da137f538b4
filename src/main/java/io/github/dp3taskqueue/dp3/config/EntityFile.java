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

import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.dp3taskqueue.dp3.model.AttributeSpec;
import io.github.dp3taskqueue.dp3.model.IdType;
import io.github.dp3taskqueue.dp3.model.ModelBuilder;

/**
 * One {@code db_entities/*.yml} file checked as DP3's {@code EntitySpec} and {@code AttrSpec}
 * models check it (unknown keys refused where DP3 forbids them, required fields, value types).
 */
final class EntityFile {

    private static final Pattern ID = Pattern.compile("^[a-zA-Z_][a-zA-Z0-9_-]*$");
    private static final Pattern DURATION = Pattern.compile("^\\s*(\\d+)([smhd])?$");
    private static final Set<String> ENTITY_KEYS = Set.of("id", "id_data_type", "name", "snapshot", "lifetime",
            "description");
    private static final Set<String> GENERIC = Set.of("id", "name", "description", "ttl", "type", "t");
    private static final Set<String> PLAIN = union(GENERIC, Set.of("data_type", "editable"));
    private static final Set<String> OBSERVATIONS = union(PLAIN, Set.of("confidence", "multi_value", "history_params",
            "history_force_graph"));
    private static final Set<String> TIMESERIES = union(GENERIC,
            Set.of("timeseries_type", "series", "timeseries_params"));

    private EntityFile() {
    }

    static void add(ModelBuilder builder, String fileEtype, JsonNode root) {
        if (!root.isObject() || !root.has("entity") || !root.has("attribs")) {
            throw new IllegalArgumentException("Invalid entity specification for '" + fileEtype
                    + "': the file needs the sections 'entity' and 'attribs'");
        }
        JsonNode entity = root.get("entity");
        if (!entity.isObject()) {
            throw new IllegalArgumentException("entity: must be a mapping");
        }
        onlyKeys(entity, ENTITY_KEYS, "entity");
        String id = text(entity, "id", "entity", true);
        text(entity, "name", "entity", true);
        text(entity, "description", "entity", false);
        bool(entity, "snapshot", "entity", true);
        lifetime(entity.get("lifetime"));
        String idType = text(entity, "id_data_type", "entity", false);
        IdType type;
        try {
            type = idType == null ? IdType.STRING : IdType.fromConfigName(idType);
            if (idType != null && !type.configName().equals(idType)) {
                throw new IllegalArgumentException("id_data_type '" + idType + "' must be written in lower case");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("entity.id_data_type: Data type of entity ID must be one of "
                    + "['string', 'int', 'ipv4', 'ipv6', 'mac']; got '" + idType + "'");
        }
        if (!fileEtype.equals(id)) {
            throw new IllegalArgumentException(
                    "Entity id '" + fileEtype + "' (the file name) does not match entity id '"
                            + id + "' in spec.");
        }
        builder.entity(id, type);
        JsonNode attribs = root.get("attribs");
        if (attribs == null || attribs.isNull()) {
            return;
        }
        if (!attribs.isObject()) {
            throw new IllegalArgumentException("attribs: must be a mapping of attribute id to specification");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = attribs.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> attr = it.next();
            try {
                attribute(builder, id, attr.getKey(), attr.getValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("attribute '" + attr.getKey() + "': " + e.getMessage(), e);
            }
        }
    }

    private static void attribute(ModelBuilder builder, String etype, String attr, JsonNode spec) {
        if (!ID.matcher(attr).matches()) {
            throw new IllegalArgumentException("the attribute id must match " + ID.pattern());
        }
        if (!spec.isObject()) {
            throw new IllegalArgumentException("Attribute specification must be a dict");
        }
        String type = text(spec, "type", "", true);
        text(spec, "name", "", true);
        text(spec, "description", "", false);
        duration(spec.get("ttl"), "ttl");
        switch (type) {
            case "plain", "observations" -> {
                onlyKeys(spec, type.equals("plain") ? PLAIN : OBSERVATIONS, "");
                bool(spec, "editable", "", false);
                String dataType = text(spec, "data_type", "", true);
                if (type.equals("observations")) {
                    bool(spec, "confidence", "", false);
                    bool(spec, "multi_value", "", false);
                    bool(spec, "history_force_graph", "", false);
                    historyParams(spec.get("history_params"));
                }
                builder.attribute(etype, attr, type.equals("plain") ? AttributeSpec.Kind.PLAIN
                        : AttributeSpec.Kind.OBSERVATIONS, dataType);
            }
            case "timeseries" -> timeseries(builder, etype, attr, spec);
            default -> throw new IllegalArgumentException("Invalid `type` of attribute '" + type
                    + "': expected plain, observations or timeseries (lower case)");
        }
    }

    private static void timeseries(ModelBuilder builder, String etype, String attr, JsonNode spec) {
        onlyKeys(spec, TIMESERIES, "");
        String tsType = text(spec, "timeseries_type", "", true);
        if (!Set.of("regular", "irregular", "irregular_intervals").contains(tsType)) {
            throw new IllegalArgumentException(
                    "timeseries_type must be 'regular', 'irregular' or 'irregular_intervals'; got '"
                            + tsType + "'");
        }
        JsonNode params = spec.get("timeseries_params");
        if (params == null || !params.isObject()) {
            throw new IllegalArgumentException("timeseries_params: Field required (a mapping, may be {})");
        }
        duration(params.get("max_age"), "timeseries_params.max_age");
        Duration step = duration(params.get("time_step"), "timeseries_params.time_step");
        Map<String, String> series = new LinkedHashMap<>();
        JsonNode seriesNode = spec.get("series");
        if (seriesNode != null && !seriesNode.isNull()) {
            if (!seriesNode.isObject()) {
                throw new IllegalArgumentException("series: must be a mapping of series name to {data_type: ...}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = seriesNode.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> s = it.next();
                if (!ID.matcher(s.getKey()).matches()) {
                    throw new IllegalArgumentException(
                            "series '" + s.getKey() + "': the name must match " + ID.pattern());
                }
                String dataType = s.getValue().isObject()
                        ? text(s.getValue(), "data_type", "series." + s.getKey(), true) : null;
                if (dataType == null || !Set.of("int", "int64", "float", "time").contains(dataType)) {
                    throw new IllegalArgumentException("series '" + s.getKey()
                            + "': Data type of series must be one of int, int64, float, time; not " + dataType);
                }
                series.put(s.getKey(), dataType);
            }
        }
        builder.timeseries(etype, attr, tsType, series, step);
    }

    private static void lifetime(JsonNode lifetime) {
        if (lifetime == null) {
            return;
        }
        String type = lifetime.isObject() ? text(lifetime, "type", "entity.lifetime", true) : null;
        if (type == null || !Set.of("immortal", "ttl", "weak").contains(type)) {
            throw new IllegalArgumentException("entity.lifetime.type must be immortal, ttl or weak; got " + lifetime);
        }
        onlyKeys(lifetime, type.equals("ttl") ? Set.of("type", "on_create", "mirror_data") : Set.of("type"),
                "entity.lifetime");
        if (type.equals("ttl")) {
            if (duration(lifetime.get("on_create"), "entity.lifetime.on_create") == null) {
                throw new IllegalArgumentException("entity.lifetime.on_create: Field required for a ttl lifetime");
            }
            bool(lifetime, "mirror_data", "entity.lifetime", false);
        }
    }

    private static void historyParams(JsonNode params) {
        if (params == null) {
            return;
        }
        if (!params.isObject()) {
            throw new IllegalArgumentException("history_params: must be a mapping");
        }
        duration(params.get("max_age"), "history_params.max_age");
        duration(params.get("pre_validity"), "history_params.pre_validity");
        duration(params.get("post_validity"), "history_params.post_validity");
        JsonNode expire = params.get("expire_time");
        if (expire != null && !"inf".equals(expire.asText())) {
            duration(expire, "history_params.expire_time");
        }
        JsonNode maxItems = params.get("max_items");
        if (maxItems != null && !maxItems.isNull() && !(maxItems.canConvertToInt() && maxItems.asInt() > 0)) {
            throw new IllegalArgumentException("history_params.max_items must be a positive integer; got " + maxItems);
        }
        bool(params, "aggregate", "history_params", false);
    }

    /** DP3's {@code ParsedTimedelta}: {@code 10s}, {@code 5m}, {@code 1h}, {@code 1d}, or seconds. */
    static Duration duration(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return Duration.ofNanos((long) (value.doubleValue() * 1e9));
        }
        String text = value.asText();
        var m = DURATION.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2) == null ? "s" : m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofSeconds(n);
            };
        }
        try {
            return Duration.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    field + " must be a duration such as 30s, 5m, 1h, 7d or a number of seconds; got '"
                            + text + "'");
        }
    }

    private static void onlyKeys(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException((where.isEmpty() ? "" : where + ".") + key
                        + ": Extra inputs are not permitted (DP3 refuses unknown keys here)");
            }
        }
    }

    private static String text(JsonNode node, String key, String where, boolean required) {
        JsonNode value = node.get(key);
        String name = (where.isEmpty() ? "" : where + ".") + key;
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException(name + ": Field required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(name + " must be a string; got " + value);
        }
        return value.textValue();
    }

    private static void bool(JsonNode node, String key, String where, boolean required) {
        JsonNode value = node.get(key);
        String name = (where.isEmpty() ? "" : where + ".") + key;
        if (value == null) {
            if (required) {
                throw new IllegalArgumentException(name + ": Field required");
            }
            return;
        }
        if (!value.isBoolean() && !(value.isTextual() && Set.of("yes", "no", "true", "false", "on", "off")
                .contains(value.textValue().toLowerCase(Locale.ROOT)))) {
            throw new IllegalArgumentException(name + " must be true or false; got " + value);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
