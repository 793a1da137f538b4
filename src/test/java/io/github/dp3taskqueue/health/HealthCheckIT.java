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
package io.github.dp3taskqueue.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import io.github.dp3taskqueue.testing.Dp3Fixture;
import io.github.dp3taskqueue.testing.HealthChecks;
import io.github.dp3taskqueue.testing.TestBroker;

/** The producer's and the consumer's checks, through Camel's health API, against a real broker. */
@ExtendWith(TestBroker.class)
class HealthCheckIT {

    @RegisterExtension
    final Dp3Fixture dp3 = new Dp3Fixture("health", 1);

    private static HealthCheck.Result result(Collection<HealthCheck.Result> results, String id) {
        return results.stream().filter(r -> r.getCheck().getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no health check " + id + " among "
                        + results.stream().map(r -> r.getCheck().getId()).toList()));
    }

    @Test
    void readinessFollowsTheTopologyAndLivenessTheConsumer() throws Exception {
        String app = dp3.app();
        CamelContext camel = dp3.camel();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(dp3.uri("workers=1&declareTopology=true"));
                from(dp3.uri("workerIndex=0&workers=1&declareTopology=true")).routeId("worker0")
                        .to("log:done?level=OFF");
            }
        });
        camel.start();
        HealthChecks.enable(camel); // as Camel Main and Spring Boot do through camel.health.*
        String producer = "dp3-taskqueue-producer:" + app + ":datapoint";

        Collection<HealthCheck.Result> ready = HealthCheckHelper.invokeReadiness(camel);
        assertThat(result(ready, "consumer:worker0").getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result(ready, producer).getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result(ready, producer).getDetails()).containsEntry("broker",
                TestBroker.host() + ":" + TestBroker.port() + ", virtual host '/'");

        try (Connection connection = TestBroker.connect()) {
            Channel channel = connection.createChannel();
            channel.queueDelete(app + "-worker-0-pri");
            channel.exchangeDelete(app + "-main-task-exchange");
        }
        ready = HealthCheckHelper.invokeReadiness(camel);
        HealthCheck.Result consumer = result(ready, "consumer:worker0");
        assertThat(consumer.getState()).isEqualTo(HealthCheck.State.DOWN);
        // whichever comes first: the broker's cancel of the subscription, or the passive declare's 404
        assertThat(consumer.getMessage()).hasValueSatisfying(m -> assertThat(m).containsAnyOf(
                "queue '" + app + "-worker-0-pri' does not exist",
                "cancelled the subscription to queue '" + app + "-worker-0-pri'"));
        assertThat(result(ready, producer).getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result(ready, producer).getMessage())
                .hasValueSatisfying(
                        m -> assertThat(m).contains("exchange '" + app + "-main-task-exchange' does not exist"));

        Collection<HealthCheck.Result> live = HealthCheckHelper.invokeLiveness(camel);
        assertThat(result(live, "dp3-taskqueue-consumer:worker0").getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result(live, producer).getState()).isEqualTo(HealthCheck.State.UP);

        camel.getRouteController().stopRoute("worker0", 5, TimeUnit.SECONDS);
        assertThat(HealthCheckHelper.invokeLiveness(camel))
                .noneMatch(r -> r.getCheck().getId().contains("worker0"));
    }
}
