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
package io.github.dp3taskqueue.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.dp3taskqueue.testing.CapturedLog;
import io.github.dp3taskqueue.testing.Dp3Fixture;
import io.github.dp3taskqueue.testing.Publisher;
import io.github.dp3taskqueue.testing.TestBroker;

/** A configuration that does not match the deployment stops the start, naming both sides. */
@ExtendWith(TestBroker.class)
class MismatchWarningsIT {

    @RegisterExtension
    final Dp3Fixture dp3 = new Dp3Fixture("fewer", 4);

    @Test
    void fewerWorkersThanTheDeploymentHasStopsTheStartNamingTheHighestQueueAndTheOption() throws Exception {
        String app = dp3.app();
        String base = dp3.uri("");
        CamelContext camel = dp3.camel();
        camel.start();
        camel.createProducerTemplate().sendBody(base + "&workers=4&declareTopology=true",
                Publisher.task("e", "a", "x"));

        assertThatThrownBy(() -> camel.createProducerTemplate().sendBody(base + "&workers=1",
                Publisher.task("e", "b", "x")))
                .hasRootCauseInstanceOf(TopologyException.class)
                .rootCause().hasMessageContaining("queue '" + app + "-worker-3' exists, so the DP3 deployment has "
                        + "at least 4 workers, but this producer has workers=1 (from option workers)")
                .hasMessageContaining("tasks for the entities of workers 1..3 would go to the wrong worker")
                .hasMessageContaining("Set workers=4").hasMessageContaining("allowFewerWorkers=true");

        try (CapturedLog captured = new CapturedLog()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(base + "&workers=2&allWorkers=true&allowFewerWorkers=true").to("log:x?level=OFF");
                }
            });
            assertThat(captured.text()).contains("WARN io.github.dp3taskqueue.topology.WorkerCountCheck queue '" + app
                    + "-worker-3' exists, so the DP3 deployment has at least 4 workers, but this consumer has "
                    + "workers=2 (from option workers)")
                    .contains("the queues of workers 2..3 would not be read")
                    .contains("allowFewerWorkers=true lets it start");
        }
    }

    @Test
    void aConsumerOfFewerWorkersDoesNotStartUnlessAllowed() throws Exception {
        String base = dp3.uri("");
        CamelContext camel = dp3.camel();
        camel.start();
        camel.createProducerTemplate().sendBody(base + "&workers=4&declareTopology=true",
                Publisher.task("e", "a", "x"));
        assertThatThrownBy(() -> camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(base + "&workers=2&allWorkers=true").routeId("fewer").to("log:x?level=OFF");
            }
        })).hasStackTraceContaining("but this consumer has workers=2 (from option workers)");
    }

    @Test
    void theFirstWarningAboutAMissingTopologySaysHowToDeclareIt() throws Exception {
        String app = dp3.app();
        try (CamelContext camel = dp3.camel(); CapturedLog captured = new CapturedLog()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(dp3.uri("workerIndex=0&retryDelays=100ms,100ms"))
                            .to("log:x?level=OFF");
                }
            });
            assertThatThrownBy(camel::start).hasStackTraceContaining("TopologyException: queue not declared");
            List<String> lines = captured.text().lines().filter(l -> l.contains("is not declared")).toList();
            assertThat(lines.get(0)).startsWith("WARN")
                    .contains("queue '" + app + "-worker-0-pri' is not declared: the DP3 topology is missing")
                    .contains("retries 2 times for up to 200 ms (retryDelays 100ms,100ms) and then fails")
                    .contains("declareTopology=true").contains("dp3/scripts/rmq_reconfigure.sh");
            assertThat(lines.subList(1, lines.size())).isNotEmpty()
                    .allSatisfy(line -> assertThat(line).startsWith("INFO").contains("not declared yet; retrying"));
        }
    }
}
