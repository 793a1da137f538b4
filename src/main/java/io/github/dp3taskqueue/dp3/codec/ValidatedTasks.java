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
package io.github.dp3taskqueue.dp3.codec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.github.dp3taskqueue.dp3.model.ModelNodes;
import io.github.dp3taskqueue.dp3.model.ValidatedPoint;
import io.github.dp3taskqueue.dp3.model.ValidatedTask;
import io.github.dp3taskqueue.dp3.task.DataPoint;
import io.github.dp3taskqueue.dp3.task.DataPointTask;

/**
 * A task DP3's worker accepted, as the task record it reads (canonical eids and values, datetimes
 * in DP3's form), its data points carrying their validated values. Built from the validated values,
 * without writing and re-reading DP3's message.
 */
final class ValidatedTasks {

    private ValidatedTasks() {
    }

    static DataPointTask toTask(ValidatedTask checked) {
        JsonNode eid = ModelNodes.toNode(checked.eid());
        List<DataPoint> points = new ArrayList<>(checked.points().size());
        for (ValidatedPoint p : checked.points()) {
            points.add(new DataPoint(checked.etype(), eid, p.attr(), p.src() == null ? null : TextNode.valueOf(p.src()),
                    ModelNodes.toNode(p.v()), p.c() == null ? null : ModelNodes.toNode(p.c()), text(p.t1()),
                    text(p.t2()), p.v()));
        }
        List<JsonNode> tags = new ArrayList<>();
        if (checked.tags() != null) {
            checked.tags().forEach(tags::add);
        }
        Map<String, String> ttl = null;
        if (checked.ttlTokens() != null) {
            ttl = new LinkedHashMap<>();
            for (Map.Entry<String, Object> token : checked.ttlTokens().entrySet()) {
                ttl.put(token.getKey(), token.getValue().toString());
            }
        }
        return new DataPointTask(checked.etype(), eid, points, tags, ttl, checked.delete());
    }

    private static JsonNode text(Object time) {
        return time == null ? null : TextNode.valueOf(time.toString());
    }
}
