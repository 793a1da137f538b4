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
 * What DP3 knows of its entity types: each type's id type. Three modes, as users of DP3 expect:
 * <ul>
 * <li>{@link #NONE}: no model; every eid is kept as the JSON value it arrived in;</li>
 * <li>{@link #declared}: the entity types of a DP3 config directory; an undeclared type is
 * refused, as DP3's API refuses it;</li>
 * <li>{@link #lenient}: id types listed by the user; an unlisted type is {@code string}.</li>
 * </ul>
 */
public final class EntityModel {

    public static final EntityModel NONE = new EntityModel(Map.of(), Mode.NONE);

    private enum Mode {
        NONE, DECLARED, LENIENT
    }

    private final Map<String, IdType> idTypes;
    private final Mode mode;

    private EntityModel(Map<String, IdType> idTypes, Mode mode) {
        this.idTypes = Collections.unmodifiableMap(new LinkedHashMap<>(idTypes));
        this.mode = mode;
    }

    /** The entity types of a DP3 configuration; any other type is refused. */
    public static EntityModel declared(Map<String, IdType> idTypes) {
        return new EntityModel(idTypes, Mode.DECLARED);
    }

    /** User-given id types; an unlisted type is {@code string}. */
    public static EntityModel lenient(Map<String, IdType> idTypes) {
        return new EntityModel(idTypes, Mode.LENIENT);
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

    /** This model with the other's entries added (the other wins); the stricter mode is kept. */
    public EntityModel with(Map<String, IdType> more) {
        Map<String, IdType> merged = new LinkedHashMap<>(idTypes);
        merged.putAll(more);
        return new EntityModel(merged, mode == Mode.NONE ? Mode.LENIENT : mode);
    }

    public boolean isLoaded() {
        return mode != Mode.NONE;
    }

    public Map<String, IdType> idTypes() {
        return idTypes;
    }

    /** The canonical eid of {@code etype}, or the eid unchanged without a model. */
    public JsonNode canonicalEid(String etype, JsonNode eid) {
        if (mode == Mode.NONE) {
            return eid;
        }
        IdType type = idTypes.get(etype);
        if (type == null) {
            if (mode == Mode.DECLARED) {
                throw new InvalidTaskException("unknown entity type '" + etype + "': the DP3 configuration declares "
                        + idTypes.keySet());
            }
            type = IdType.STRING;
        }
        return type.canonical(etype, eid);
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
            if (mode == Mode.NONE || s.entities().isEmpty()) {
                return s;
            }
            List<EntityRef> entities = new ArrayList<>(s.entities().size());
            for (EntityRef entity : s.entities()) {
                entities.add(new EntityRef(entity.etype(), canonicalEid(entity.etype(), entity.eid())));
            }
            return new Snapshot(entities, s.time(), s.type(), s.isFinal());
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
