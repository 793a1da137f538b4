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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entity type of the model: its id type and its attributes (with DP3's read-only mirrors).
 *
 * @param id         entity type
 * @param idType     {@code entity.id_data_type}
 * @param attributes attribute id to specification
 */
public record EntitySpec(String id, IdType idType, Map<String, AttributeSpec> attributes) {

    public EntitySpec {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** The id type as a data type, for data-point and link eids. */
    public Primitive idDataType() {
        return switch (idType) {
            case STRING -> Primitive.STRING;
            case INT -> Primitive.INT;
            case IPV4 -> Primitive.IPV4;
            case IPV6 -> Primitive.IPV6;
            case MAC -> Primitive.MAC;
        };
    }
}
