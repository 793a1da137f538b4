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

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.console.DevConsole;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import io.github.dp3taskqueue.TaskQueueComponent;
import io.github.dp3taskqueue.dp3.task.Refusal;
import io.github.dp3taskqueue.observe.Refusals;
import io.github.dp3taskqueue.testing.TestData;

/** The console as Camel's own are tested: resolved by its id, called for TEXT and JSON. */
class TaskQueueDevConsoleTest {

    @Test
    void showsEachEndpointAndWhatTheModelRefusedAsJsonAndText() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            camel.getEndpoint("dp3-taskqueue:app?configDir=" + TestData.dir("config") + "&password=secret");
            camel.getEndpoint("dp3-taskqueue:other?taskType=control&workers=2");
            camel.getComponent("dp3-taskqueue", TaskQueueComponent.class).refusals("app").record(Refusals.Side.API,
                    List.of(new Refusal("data point 1", "ip", "10.0.0.1", "hostname", "nerd", "string_type")));

            DevConsole console = PluginHelper.getDevConsoleResolver(camel).resolveDevConsole("dp3-taskqueue");
            assertThat(console).isNotNull();
            assertThat(console.getDisplayName()).isEqualTo("DP3 task queue");

            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON, Map.of());
            List<?> endpoints = (List<?>) json.get("endpoints");
            assertThat(endpoints).hasSize(2);
            @SuppressWarnings("unchecked")
            Map<String, Object> app = (Map<String, Object>) endpoints.stream()
                    .filter(e -> "app".equals(((Map<?, ?>) e).get("application"))).findFirst().orElseThrow();
            assertThat(app).containsEntry("workers", 4).containsEntry("taskType", "datapoint")
                    .containsEntry("model", "on (configDir)")
                    .containsEntry("broker", "localhost:5672, virtual host '/'")
                    .containsEntry("running", List.of());
            assertThat(app.get("endpoint").toString()).contains("password=xxxxxx").doesNotContain("secret");
            Map<?, ?> refused = (Map<?, ?>) ((Map<?, ?>) json.get("refusals")).get("app");
            assertThat(refused.get("total")).isEqualTo(1L);
            assertThat(refused.get("byAttribute")).isEqualTo(
                    List.of(Map.of("etype", "ip", "attr", "hostname", "reason", "string_type", "count", 1L)));

            String text = (String) console.call(DevConsole.MediaType.TEXT, Map.of());
            assertThat(text).contains("application: app\n").contains("taskType: control\n")
                    .contains("model: off\n").contains("reason: string_type\n").contains("src: nerd\n")
                    .doesNotContain("secret");
        }
    }
}
