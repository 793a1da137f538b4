package io.github.dp3taskqueue.dp3.task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * DP3's {@code DataPointTask}: data points, TTL tokens or a delete for one entity.
 *
 * @param etype      entity type
 * @param eid        entity id (a JSON string or number)
 * @param dataPoints the data points; empty when none
 * @param tags       tags; empty when none
 * @param ttlTokens  TTL tokens (name to canonical datetime); {@code null} when not given
 * @param delete     whether the entity is to be deleted
 */
public record DataPointTask(String etype, JsonNode eid, List<DataPoint> dataPoints, List<JsonNode> tags,
        Map<String, String> ttlTokens, boolean delete) implements Task {

    public DataPointTask {
        dataPoints = List.copyOf(dataPoints);
        tags = List.copyOf(tags);
        ttlTokens = ttlTokens == null ? null
                : Collections.unmodifiableMap(new LinkedHashMap<>(ttlTokens));
        if (dataPoints.isEmpty() && (ttlTokens == null || ttlTokens.isEmpty()) && !delete) {
            throw new InvalidTaskException("DataPointTask for " + etype + ":" + EntityIds.keyForm(eid)
                    + " has no data points, no TTL tokens and no delete: DP3 refuses such a task");
        }
    }

    @Override
    public TaskKind kind() {
        return TaskKind.DATAPOINT;
    }

    @Override
    public String hashKey() {
        return etype + ":" + EntityIds.keyForm(eid);
    }
}
