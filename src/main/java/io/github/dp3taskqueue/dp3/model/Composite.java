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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** DP3's composite data types (MODEL.md §3.2). */
public final class Composite {

    private Composite() {
    }

    /**
     * {@code category<T;a,b,...>}: one of the values, matched as Python's {@code ==} matches them
     * (numbers by value across int, float and bool; strings exactly). Validates to the value itself.
     */
    public record Category(String configName, Primitive base, List<Object> values) implements DataType {

        @Override
        public Object validate(JsonNode in, Problems p) {
            if ((base == Primitive.INT || base == Primitive.INT64) && in.isIntegralNumber() && !in.canConvertToLong()) {
                // pydantic looks an int category up as a 64-bit int
                p.add("int_parsing_size", "Unable to parse input string as an integer, exceeded maximum size", in);
                return Lax.INVALID;
            }
            for (Object value : values) {
                if (PythonValues.equal(in, value)) {
                    return value;
                }
            }
            String expected = expected();
            p.add("enum", "Input should be " + expected, in, Map.of("expected", expected));
            return Lax.INVALID;
        }

        private String expected() {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(i == values.size() - 1 ? " or " : ", ");
                }
                out.append(PythonText.repr(values.get(i)));
            }
            return out.toString();
        }
    }

    /**
     * {@code array<T>} and {@code set<T>} (a set keeps order and duplicates, as DP3 does). Validates to a {@link List}.
     */
    public record ListOf(String configName, DataType element) implements DataType {

        @Override
        public Object validate(JsonNode in, Problems p) {
            if (!in.isArray()) {
                p.add("list_type", "Input should be a valid list", in);
                return Lax.INVALID;
            }
            List<Object> out = new ArrayList<>(in.size());
            boolean valid = true;
            for (int i = 0; i < in.size(); i++) {
                p.push(i);
                Object value = element.validate(in.get(i), p);
                p.pop();
                valid &= value != Lax.INVALID;
                out.add(value);
            }
            return valid ? out : Lax.INVALID;
        }
    }

    /** One key of a {@code dict<...>}: {@code name?:type} is optional. */
    public record Key(String name, Primitive type, boolean optional) {
    }

    /**
     * {@code dict<k1:T1,k2?:T2>}: an object; required keys must be there, optional ones may be absent
     * or null, other keys are dropped. Validates to a {@link LinkedHashMap} in declaration order,
     * without absent or null optional keys.
     */
    public record Dict(String configName, List<Key> keys) implements DataType {

        @Override
        public Object validate(JsonNode in, Problems p) {
            if (!in.isObject()) {
                p.add("model_type", "Input should be a valid dictionary or instance of " + configName + "__inner", in);
                return Lax.INVALID;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            boolean valid = true;
            for (Key key : keys) {
                JsonNode value = in.get(key.name());
                p.push(key.name());
                if (value == null) {
                    if (!key.optional()) {
                        p.add("missing", "Field required", in);
                        valid = false;
                    }
                } else if (!(key.optional() && value.isNull())) {
                    Object checked = key.type().validate(value, p);
                    valid &= checked != Lax.INVALID;
                    out.put(key.name(), checked);
                }
                p.pop();
            }
            return valid ? out : Lax.INVALID;
        }
    }

    /** A validated link: the linked entity's canonical id and, for {@code link<E,D>}, the data. */
    public record LinkValue(Object eid, Object data, boolean hasData) {
    }

    /**
     * {@code link<E>} and {@code link<E,D>}: {@code {"eid": ...}} (and {@code "data"}), no other key.
     * The eid type is the linked entity's id type, known once every entity is read.
     */
    public static final class Link implements DataType {
        private final String configName;
        private final String target;
        private final DataType data;
        private final String mirror;
        private Primitive eidType;

        Link(String configName, String target, DataType data, String mirror) {
            this.configName = configName;
            this.target = target;
            this.data = data;
            this.mirror = mirror;
        }

        @Override
        public String configName() {
            return configName;
        }

        /** The linked entity type. */
        public String target() {
            return target;
        }

        /** The data type of {@code link<E,D>}'s data, or {@code null} for {@code link<E>}. */
        public DataType data() {
            return data;
        }

        /** The name of the mirrored attribute DP3 adds to the linked entity, or {@code null}. */
        public String mirror() {
            return mirror;
        }

        void resolve(Primitive targetIdType) {
            this.eidType = targetIdType;
        }

        @Override
        public Object validate(JsonNode in, Problems p) {
            String model = data == null ? "Link<" + target + ">" : "Link<" + data.configName() + ">";
            if (!in.isObject()) {
                p.add("model_type", "Input should be a valid dictionary or instance of " + model, in);
                return Lax.INVALID;
            }
            boolean valid = true;
            Object eid = null;
            Object value = null;
            p.push("eid");
            JsonNode eidIn = in.get("eid");
            if (eidIn == null) {
                p.add("missing", "Field required", in);
                valid = false;
            } else {
                eid = eidType.validate(eidIn, p);
                valid &= eid != Lax.INVALID;
            }
            p.pop();
            if (data != null) {
                p.push("data");
                JsonNode dataIn = in.get("data");
                if (dataIn == null) {
                    p.add("missing", "Field required", in);
                    valid = false;
                } else {
                    value = data.validate(dataIn, p);
                    valid &= value != Lax.INVALID;
                }
                p.pop();
            }
            var fields = in.fieldNames();
            while (fields.hasNext()) {
                String name = fields.next();
                if (!name.equals("eid") && !(data != null && name.equals("data"))) {
                    p.addAt(name, "extra_forbidden", "Extra inputs are not permitted", in.get(name));
                    valid = false;
                }
            }
            return valid ? new LinkValue(eid, value, data != null) : Lax.INVALID;
        }
    }

    /**
     * The read-only mirror of a link: DP3 refuses every data point for it. Its data points' eids
     * are typed with the linking entity's id type, as in DP3.
     */
    public record ReadOnly(String configName, Primitive eidType) implements DataType {

        @Override
        public Object validate(JsonNode in, Problems p) {
            p.add("value_error", "Value error, Cannot instantiate a read-only attribute datapoint.", in);
            return Lax.INVALID;
        }
    }
}
