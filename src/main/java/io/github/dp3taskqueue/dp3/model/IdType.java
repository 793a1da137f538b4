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

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.github.dp3taskqueue.dp3.task.InvalidTaskException;

/**
 * DP3's entity id types ({@code entity.id_data_type}) and their canonical forms (PROTOCOL.md §2).
 * The routing key is built from the canonical form, so two spellings of one entity always reach
 * the same worker.
 */
public enum IdType {

    STRING("any string") {
        @Override
        JsonNode canonicalize(JsonNode eid) {
            if (!eid.isTextual()) {
                throw new IllegalArgumentException();
            }
            return eid;
        }
    },
    INT("an integer, e.g. 7 or \"7\"") {
        private final Pattern decimal = Pattern.compile("[+-]?\\d+");

        @Override
        JsonNode canonicalize(JsonNode eid) {
            BigInteger value;
            if (eid.isIntegralNumber()) {
                value = eid.bigIntegerValue();
            } else if (eid.isNumber()) {
                // pydantic accepts a float only when it has no fraction
                value = eid.decimalValue().toBigIntegerExact();
            } else if (eid.isTextual() && decimal.matcher(eid.textValue().trim()).matches()) {
                value = new BigInteger(eid.textValue().trim());
            } else {
                throw new IllegalArgumentException();
            }
            if (value.bitLength() <= 31) {
                return IntNode.valueOf(value.intValue());
            }
            return value.bitLength() <= 63 ? LongNode.valueOf(value.longValue()) : BigIntegerNode.valueOf(value);
        }
    },
    IPV4("a dotted-decimal IPv4 address without leading zeros, e.g. 192.168.0.1") {
        @Override
        JsonNode canonicalize(JsonNode eid) {
            if (eid.isIntegralNumber()) {
                long value = eid.asLong(-1);
                if (value < 0 || value > 0xFFFFFFFFL || eid.bigIntegerValue().bitLength() > 32) {
                    throw new IllegalArgumentException();
                }
                return TextNode.valueOf((value >> 24) + "." + ((value >> 16) & 0xFF) + "." + ((value >> 8) & 0xFF)
                        + "." + (value & 0xFF));
            }
            if (!eid.isTextual()) {
                throw new IllegalArgumentException();
            }
            return TextNode.valueOf(Ipv6Text.formatIpv4(Ipv6Text.parseIpv4(eid.textValue())));
        }
    },
    IPV6("an IPv6 address, e.g. 2001:db8::1") {
        @Override
        JsonNode canonicalize(JsonNode eid) {
            if (!eid.isTextual()) {
                throw new IllegalArgumentException();
            }
            return TextNode.valueOf(Ipv6Text.canonical(eid.textValue()));
        }
    },
    MAC("a MAC address of six hex pairs separated by ':' or '-', e.g. 00:11:22:aa:bb:cc") {
        private final Pattern mac = Pattern.compile("[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}");

        @Override
        JsonNode canonicalize(JsonNode eid) {
            if (!eid.isTextual() || !mac.matcher(eid.textValue()).matches()) {
                throw new IllegalArgumentException();
            }
            return TextNode.valueOf(eid.textValue().replace('-', ':').toLowerCase(Locale.ROOT));
        }
    };

    private final String expectedForm;

    IdType(String expectedForm) {
        this.expectedForm = expectedForm;
    }

    /** Throws {@link IllegalArgumentException} (without message) when the eid is invalid. */
    abstract JsonNode canonicalize(JsonNode eid);

    /**
     * The canonical eid.
     *
     * @throws InvalidTaskException naming the entity type, the value and the expected form
     */
    public JsonNode canonical(String etype, JsonNode eid) {
        try {
            return canonicalize(eid);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new InvalidTaskException("invalid eid " + eid + " for entity type '" + etype + "' (id_data_type "
                    + configName() + "): expected " + expectedForm);
        }
    }

    /** The name DP3's configuration uses ({@code string}, {@code int}, ...). */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a name as DP3's {@code id_data_type} writes it. */
    public static IdType fromConfigName(String name) {
        for (IdType type : values()) {
            if (type.configName().equalsIgnoreCase(name.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException(
                "unknown id_data_type '" + name + "': expected one of string, int, ipv4, ipv6, mac");
    }
}
