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
package io.github.dp3taskqueue.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;

import io.github.dp3taskqueue.EndpointSettings;
import io.github.dp3taskqueue.TaskQueueComponent;
import io.github.dp3taskqueue.TaskQueueEndpoint;
import io.github.dp3taskqueue.observe.Observed;
import io.github.dp3taskqueue.observe.QueueProbes;
import io.github.dp3taskqueue.observe.Refusals;

/**
 * The {@code dp3-taskqueue} dev console: one section per endpoint (application, broker without
 * credentials, workers, task type, whether DP3's model checks the tasks) with its running
 * producers and consumers as they describe themselves (queues, what is in flight, the broker's
 * block, the last delivery or confirm), and per application what DP3's model refused.
 */
@DevConsole(name = "dp3-taskqueue", displayName = "DP3 task queue",
        description = "DP3 task-queue endpoints: worker queues, tasks in flight, refusals")
public class TaskQueueDevConsole extends AbstractDevConsole {

    public TaskQueueDevConsole() {
        super("camel", "dp3-taskqueue", "DP3 task queue",
                "DP3 task-queue endpoints: worker queues, tasks in flight, refusals");
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        List<Map<String, Object>> endpoints = new ArrayList<>();
        for (Endpoint endpoint : getCamelContext().getEndpoints()) {
            if (endpoint instanceof TaskQueueEndpoint dp3 && dp3.getSettings() != null) {
                endpoints.add(section(dp3));
            }
        }
        root.put("endpoints", endpoints);
        Map<String, Object> refusals = new LinkedHashMap<>();
        Component component = getCamelContext().hasComponent("dp3-taskqueue");
        if (component instanceof TaskQueueComponent dp3) {
            for (Map.Entry<String, Refusals> entry : dp3.allRefusals().entrySet()) {
                refusals.put(entry.getKey(), entry.getValue().describe());
            }
        }
        root.put("refusals", refusals);
        root.put("queueProbes", QueueProbes.SHARED.probes());
        return root;
    }

    private static Map<String, Object> section(TaskQueueEndpoint endpoint) {
        EndpointSettings settings = endpoint.getSettings();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("endpoint", endpoint.getMaskedUri());
        out.put("application", endpoint.getApplication());
        out.put("broker", settings.describeBroker(endpoint.getConfiguration().getAddresses()));
        out.put("workers", settings.workersOrDefault());
        out.put("taskType", settings.kind().optionValue());
        out.put("model", settings.codec().model().isDeclared() ? "on (configDir)" : "off");
        List<Map<String, Object>> parts = new ArrayList<>();
        for (Observed part : endpoint.observed()) {
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("role", part.role());
            described.putAll(part.describe());
            parts.add(described);
        }
        out.put("running", parts);
        return out;
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        TextForm.append(text, doCallJson(options), 0);
        return text.toString();
    }
}
