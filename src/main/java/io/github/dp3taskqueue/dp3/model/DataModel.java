package io.github.dp3taskqueue.dp3.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** DP3's data model: every entity type of {@code db_entities/} with its attributes. */
public final class DataModel {

    private final Map<String, EntitySpec> entities;

    public DataModel(Map<String, EntitySpec> entities) {
        this.entities = Collections.unmodifiableMap(new LinkedHashMap<>(entities));
    }

    public Map<String, EntitySpec> entities() {
        return entities;
    }

    public EntitySpec entity(String etype) {
        return entities.get(etype);
    }

    /** The attribute, or {@code null} when the pair is unknown. */
    public AttributeSpec attribute(String etype, String attr) {
        EntitySpec entity = entities.get(etype);
        return entity == null ? null : entity.attributes().get(attr);
    }
}
