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
package io.github.dp3taskqueue.dp3.json;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.dp3taskqueue.dp3.task.ControlMessage;
import io.github.dp3taskqueue.dp3.task.DataPoint;
import io.github.dp3taskqueue.dp3.task.DataPointTask;
import io.github.dp3taskqueue.dp3.task.EntityRef;
import io.github.dp3taskqueue.dp3.task.Snapshot;
import io.github.dp3taskqueue.dp3.task.Task;

/** Writes tasks in DP3's JSON form (PROTOCOL.md §6), byte for byte as DP3's own models do. */
public final class TaskJsonWriter {

    private TaskJsonWriter() {
    }

    public static byte[] toBytes(Task task) {
        return toJson(task).getBytes(StandardCharsets.UTF_8);
    }

    public static String toJson(Task task) {
        StringBuilder out = new StringBuilder(1024); // DP3 tasks are typically a few hundred bytes
        if (task instanceof DataPointTask t) {
            dataPointTask(out, t);
        } else if (task instanceof Snapshot s) {
            snapshot(out, s);
        } else if (task instanceof ControlMessage c) {
            control(out, c);
        }
        return out.toString();
    }

    private static void dataPointTask(StringBuilder out, DataPointTask task) {
        out.append('{');
        JsonText.key(out, "etype");
        JsonText.string(out, task.etype()).append(',');
        JsonText.key(out, "eid");
        JsonText.value(out, task.eid());
        // DP3 writes the task with its defaults ([], null, false) left out
        if (!task.dataPoints().isEmpty()) {
            out.append(',');
            JsonText.key(out, "data_points").append('[');
            List<DataPoint> points = task.dataPoints();
            for (int i = 0; i < points.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                dataPoint(out, points.get(i));
            }
            out.append(']');
        }
        if (!task.tags().isEmpty()) {
            out.append(',');
            JsonText.key(out, "tags").append('[');
            for (int i = 0; i < task.tags().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                JsonText.value(out, task.tags().get(i));
            }
            out.append(']');
        }
        if (task.ttlTokens() != null) {
            out.append(',');
            JsonText.key(out, "ttl_tokens").append('{');
            boolean first = true;
            for (Map.Entry<String, String> token : task.ttlTokens().entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                JsonText.string(out, token.getKey()).append(':');
                JsonText.string(out, token.getValue());
            }
            out.append('}');
        }
        if (task.delete()) {
            out.append(',');
            JsonText.key(out, "delete").append("true");
        }
        out.append('}');
    }

    private static void dataPoint(StringBuilder out, DataPoint point) {
        // data points keep exactly the keys that were given
        out.append('{');
        JsonText.key(out, "etype");
        JsonText.string(out, point.etype()).append(',');
        JsonText.key(out, "eid");
        JsonText.value(out, point.eid()).append(',');
        JsonText.key(out, "attr");
        JsonText.string(out, point.attr());
        optional(out, "src", point.src());
        optional(out, "v", point.v());
        if (point.c() != null) {
            out.append(',');
            JsonText.key(out, "c");
            if (point.c().isNull()) {
                out.append("null");
            } else {
                JsonText.floatNumber(out, point.c());
            }
        }
        optional(out, "t1", point.t1());
        optional(out, "t2", point.t2());
        out.append('}');
    }

    private static void optional(StringBuilder out, String key, JsonNode value) {
        if (value != null) {
            out.append(',');
            JsonText.key(out, key);
            JsonText.value(out, value);
        }
    }

    private static void snapshot(StringBuilder out, Snapshot snapshot) {
        out.append('{');
        JsonText.key(out, "entities").append('[');
        for (int i = 0; i < snapshot.entities().size(); i++) {
            EntityRef entity = snapshot.entities().get(i);
            if (i > 0) {
                out.append(',');
            }
            out.append('[');
            JsonText.string(out, entity.etype()).append(',');
            JsonText.value(out, entity.eid()).append(']');
        }
        out.append("],");
        JsonText.key(out, "time");
        JsonText.string(out, snapshot.time()).append(',');
        JsonText.key(out, "type");
        JsonText.string(out, snapshot.type()).append(',');
        JsonText.key(out, "final").append(snapshot.isFinal()).append('}');
    }

    private static void control(StringBuilder out, ControlMessage message) {
        out.append('{');
        JsonText.key(out, "action");
        JsonText.string(out, message.action()).append(',');
        JsonText.key(out, "kwargs");
        JsonText.value(out, message.kwargs()).append('}');
    }
}
