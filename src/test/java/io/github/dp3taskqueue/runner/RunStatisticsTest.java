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
package io.github.dp3taskqueue.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.seda.SedaComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import io.github.dp3taskqueue.TaskQueueConstants;

/**
 * What the runner counts, in an operator's units. The component's scheme is served here by a
 * queue in memory: what is counted is what Camel's events say, not what a broker does.
 */
class RunStatisticsTest {

    @Test
    void countsTasksPublishedAndConsumedPerRouteAndStaysQuietWhileNothingChanges() throws Exception {
        RunStatistics statistics = new RunStatistics();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.setAutowiredEnabled(false); // the scheme's configurer is the real component's
            camel.addComponent("dp3-taskqueue", new SedaComponent());
            camel.getManagementStrategy().addEventNotifier(statistics);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // the header the component's producer sets: how many tasks the broker confirmed
                    from("direct:feed").routeId("feed").setHeader(TaskQueueConstants.PUBLISHED_COUNT, constant(3))
                            .to("dp3-taskqueue:app");
                    from("dp3-taskqueue:app").routeId("worker").to("log:worker?level=OFF");
                }
            });
            camel.start();
            assertThat(statistics.progressLine(camel)).as("idle from the start").isEmpty();

            var template = camel.createProducerTemplate();
            template.sendBody("direct:feed", "a");
            template.sendBody("direct:feed", "b");
            await().atMost(Duration.ofSeconds(10)).until(() -> statistics.summary().contains("worker: 2 tasks"));

            assertThat(statistics.progressLine(camel)).get().asString()
                    .startsWith("progress: published 6 (").contains("consumed 2 (");
            assertThat(statistics.progressLine(camel)).as("nothing changed since").isEmpty();
            assertThat(statistics.summary()).contains("route worker: 2 tasks consumed, 0 failed")
                    .contains("route feed: 6 tasks published, 0 failed");
        }
    }
}
