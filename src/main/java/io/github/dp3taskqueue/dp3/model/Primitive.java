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
package io.github.dp3taskqueue.dp3.model;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.dp3taskqueue.dp3.json.JsonValues;
import io.github.dp3taskqueue.dp3.json.JsonValues.JsonInvalidException;

/**
 * DP3's primitive data types (MODEL.md §3.1) and the Java value each validates to: {@code tag} and
 * {@code binary} a {@code Boolean}; {@code string} a {@code String}; {@code int} and {@code int64} a
 * {@code Long} (a {@code BigInteger} beyond 64 bits); {@code float} a {@code Double};
 * {@code ipv4}, {@code ipv6}, {@code mac} their canonical text; {@code time} an
 * {@link Dp3Time} (naive without an offset); {@code special} and
 * {@code json} a {@link JsonNode}.
 */
public enum Primitive implements DataType {
    TAG("tag"), BINARY("binary"), STRING("string"), INT("int"), INT64("int64"), FLOAT("float"), IPV4("ipv4"), IPV6(
            "ipv6"), MAC("mac"), TIME("time"), SPECIAL("special"), JSON("json");

    private final String configName;

    Primitive(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }

    /** The primitive of this config name, or {@code null}. */
    public static Primitive of(String name) {
        for (Primitive type : values()) {
            if (type.configName.equals(name)) {
                return type;
            }
        }
        return null;
    }

    @Override
    public Object validate(JsonNode in, Problems p) {
        return switch (this) {
            case TAG, BINARY -> Lax.bool(in, p);
            case STRING -> Lax.string(in, p);
            case INT, INT64 -> Lax.integer(in, p);
            case FLOAT -> Lax.floating(in, p);
            case IPV4 -> Lax.ipv4(in, p);
            case IPV6 -> Lax.ipv6(in, p);
            case MAC -> Lax.mac(in, p);
            case TIME -> Lax.datetime(in, p);
            case SPECIAL -> in;
            case JSON -> json(in, p);
        };
    }

    /** {@code Json[Any] | dict | list}: objects and arrays as they are, text parsed as JSON. */
    private static Object json(JsonNode in, Problems p) {
        if (in.isObject() || in.isArray()) {
            return in;
        }
        if (in.isTextual()) {
            try {
                return JsonValues.parse(in.textValue().getBytes(StandardCharsets.UTF_8));
            } catch (JsonInvalidException e) {
                p.addAt("json[any]", "json_invalid", "Invalid JSON: " + e.getMessage(), in);
            }
        } else {
            p.addAt("json[any]", "json_type", "JSON input should be string, bytes or bytearray", in);
        }
        p.addAt("dict[any,any]", "dict_type", "Input should be a valid dictionary", in);
        p.addAt("list[any]", "list_type", "Input should be a valid list", in);
        return Lax.INVALID;
    }
}
