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
