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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.dp3taskqueue.dp3.task.ControlMessage;
import io.github.dp3taskqueue.dp3.task.DataPoint;
import io.github.dp3taskqueue.dp3.task.DataPointTask;
import io.github.dp3taskqueue.dp3.task.EntityIds;
import io.github.dp3taskqueue.dp3.task.EntityRef;
import io.github.dp3taskqueue.dp3.task.InvalidTaskException;
import io.github.dp3taskqueue.dp3.task.Snapshot;
import io.github.dp3taskqueue.dp3.task.Task;

/**
 * What is known of DP3's entity types, the one entity model of the component. Three kinds, as users
 * of DP3 expect:
 * <ul>
 * <li>{@link #NONE}: nothing; every eid is kept as the JSON value it arrived in;</li>
 * <li>{@link #declared}: the whole data model of a DP3 config directory ({@code db_entities/}):
 * every entity type with its id type and attributes, against which tasks are validated as DP3's
 * worker validates them; an undeclared type is refused, as DP3 refuses it;</li>
 * <li>{@link #ofIdTypes}: id types listed by the user ({@code entityIdTypes}), for canonical eids
 * only; an unlisted type is {@code string}.</li>
 * </ul>
 */
public final class DataModel {

    public static final DataModel NONE = new DataModel(Map.of(), Kind.NONE);

    private enum Kind {
        NONE, DECLARED, ID_TYPES
    }

    private final Map<String, EntitySpec> entities;
    private final Kind kind;

    private DataModel(Map<String, EntitySpec> entities, Kind kind) {
        this.entities = Collections.unmodifiableMap(new LinkedHashMap<>(entities));
        this.kind = kind;
    }

    /** DP3's whole model: these entity types and no other. */
    public static DataModel declared(Map<String, EntitySpec> entities) {
        return new DataModel(entities, Kind.DECLARED);
    }

    /** Id types only (no attributes); an unlisted type is {@code string}. */
    public static DataModel ofIdTypes(Map<String, IdType> idTypes) {
        return NONE.withIdTypes(idTypes);
    }

    /**
     * Parses the option form {@code ip:ipv4,device:mac}.
     *
     * @throws IllegalArgumentException naming the bad entry
     */
    public static Map<String, IdType> parseIdTypes(String option) {
        Map<String, IdType> types = new LinkedHashMap<>();
        for (String entry : option.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.lastIndexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("entityIdTypes entry '" + entry.trim()
                        + "' is not of the form etype:idtype (e.g. ip:ipv4,device:mac)");
            }
            types.put(entry.substring(0, colon).trim(), IdType.fromConfigName(entry.substring(colon + 1)));
        }
        return types;
    }

    /**
     * This model with these id types given (they win): a declared entity keeps its attributes, a new
     * one has none. A declared model stays declared.
     */
    public DataModel withIdTypes(Map<String, IdType> idTypes) {
        Map<String, EntitySpec> merged = new LinkedHashMap<>(entities);
        idTypes.forEach((etype, type) -> {
            EntitySpec known = merged.get(etype);
            merged.put(etype, new EntitySpec(etype, type, known == null ? Map.of() : known.attributes()));
        });
        return new DataModel(merged, kind == Kind.NONE ? Kind.ID_TYPES : kind);
    }

    /** Whether this is DP3's whole data model, against which tasks are validated. */
    public boolean isDeclared() {
        return kind == Kind.DECLARED;
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

    /** Each entity type's id type. */
    public Map<String, IdType> idTypes() {
        Map<String, IdType> types = new LinkedHashMap<>();
        entities.values().forEach(entity -> types.put(entity.id(), entity.idType()));
        return types;
    }

    /** The canonical eid of {@code etype}, or the eid unchanged without a model. */
    public JsonNode canonicalEid(String etype, JsonNode eid) {
        if (kind == Kind.NONE) {
            return eid;
        }
        EntitySpec entity = entities.get(etype);
        if (entity == null) {
            if (kind == Kind.DECLARED) {
                throw new InvalidTaskException("unknown entity type '" + etype + "': the DP3 configuration declares "
                        + entities.keySet());
            }
            return IdType.STRING.canonical(etype, eid);
        }
        return entity.idType().canonical(etype, eid);
    }

    /**
     * The task with canonical eids in itself and its data points; refuses a data point whose
     * etype/eid differ from its task's (compared after canonicalisation, as DP3 does).
     */
    public Task canonical(Task task) {
        if (task instanceof DataPointTask t) {
            return canonical(t);
        }
        if (task instanceof Snapshot s) {
            if (kind == Kind.NONE || s.entities().isEmpty()) {
                return s;
            }
            List<EntityRef> refs = new ArrayList<>(s.entities().size());
            for (EntityRef entity : s.entities()) {
                refs.add(new EntityRef(entity.etype(), canonicalEid(entity.etype(), entity.eid())));
            }
            return new Snapshot(refs, s.time(), s.type(), s.isFinal());
        }
        return (ControlMessage) task;
    }

    private DataPointTask canonical(DataPointTask task) {
        JsonNode eid = canonicalEid(task.etype(), task.eid());
        String key = EntityIds.keyForm(eid);
        List<DataPoint> points = new ArrayList<>(task.dataPoints().size());
        boolean changed = eid != task.eid();
        for (int i = 0; i < task.dataPoints().size(); i++) {
            DataPoint point = task.dataPoints().get(i);
            if (!point.etype().equals(task.etype())) {
                throw new InvalidTaskException("data_points[" + i + "] has etype '" + point.etype()
                        + "' but the task's is '" + task.etype() + "'");
            }
            JsonNode pointEid = canonicalEid(point.etype(), point.eid());
            if (!EntityIds.keyForm(pointEid).equals(key)) {
                throw new InvalidTaskException("data_points[" + i + "] has eid " + point.eid()
                        + " but the task's is " + task.eid() + " (entity type '" + task.etype() + "')");
            }
            changed |= pointEid != point.eid();
            points.add(pointEid == point.eid() ? point : point.withEid(pointEid));
        }
        if (!changed) {
            return task;
        }
        return new DataPointTask(task.etype(), eid, points, task.tags(), task.ttlTokens(), task.delete());
    }
}
