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
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.github.dp3taskqueue.dp3.time.Dp3Time;

/** A validated value as the JSON DP3 writes for it, as a Jackson tree (for the consumer's {@code DataPoint}). */
public final class ModelNodes {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ModelNodes() {
    }

    public static JsonNode toNode(Object value) {
        if (value == null) {
            return NullNode.instance;
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String s) {
            return TextNode.valueOf(s);
        }
        if (value instanceof Long l) {
            return LongNode.valueOf(l);
        }
        if (value instanceof BigInteger i) {
            return BigIntegerNode.valueOf(i);
        }
        if (value instanceof Boolean b) {
            return BooleanNode.valueOf(b);
        }
        if (value instanceof Double d) {
            return DoubleNode.valueOf(d);
        }
        if (value instanceof Dp3Time time) {
            return TextNode.valueOf(time.toString());
        }
        if (value instanceof Composite.LinkValue link) {
            ObjectNode out = NODES.objectNode();
            out.set("eid", toNode(link.eid()));
            if (link.hasData()) {
                out.set("data", toNode(link.data()));
            }
            return out;
        }
        if (value instanceof List<?> list) {
            ArrayNode out = NODES.arrayNode(list.size());
            list.forEach(element -> out.add(toNode(element)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode out = NODES.objectNode();
            map.forEach((key, element) -> out.set((String) key, toNode(element)));
            return out;
        }
        throw new IllegalStateException("not a validated value: " + value.getClass());
    }
}
