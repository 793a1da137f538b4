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
