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
package io.github.dp3taskqueue.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.dp3taskqueue.TaskQueueEndpoint;
import io.github.dp3taskqueue.testing.CapturedLog;
import io.github.dp3taskqueue.testing.Dp3Fixture;
import io.github.dp3taskqueue.testing.TestBroker;

/** Credentials stay out of logs, endpoint URIs and errors; a user without permission gets a clear refusal. */
@ExtendWith(TestBroker.class)
class CredentialsIT {

    @RegisterExtension
    final Dp3Fixture dp3 = new Dp3Fixture("secret", 1);

    private static final String TASK = "{\"etype\":\"e\",\"eid\":\"x\",\"delete\":true}";

    private static String user(String configure, String write, String read) {
        String name = "dp3-test-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "S3cret-" + UUID.randomUUID();
        TestBroker.rabbitmqctl("add_user", name, password);
        TestBroker.rabbitmqctl("set_permissions", "-p", "/", name, configure, write, read);
        return name + " " + password;
    }

    @Test
    void thePasswordNeverAppearsInLogsEndpointUrisOrTheComponentSchema() throws Exception {
        String app = dp3.app();
        String[] credentials = user(".*", ".*", ".*").split(" ");
        String password = credentials[1];
        String options = "workers=1&declareTopology=true&username=" + credentials[0] + "&password=" + password + "&"
                + TestBroker.brokerOptions();
        CamelContext camel = dp3.camel();
        try (CapturedLog log = new CapturedLog()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").to("dp3-taskqueue:" + app + "?" + options);
                    from("dp3-taskqueue:" + app + "?workerIndex=0&" + options).routeId("worker").to("mock:out");
                }
            });
            camel.start();
            MockEndpoint out = camel.getEndpoint("mock:out", MockEndpoint.class);
            out.expectedMessageCount(1);
            camel.createProducerTemplate().sendBody("direct:in", TASK);
            out.assertIsSatisfied(10_000);
            for (Endpoint endpoint : camel.getEndpoints()) {
                assertThat(endpoint.toString()).doesNotContain(password);
            }
            assertThat(((TaskQueueEndpoint) camel.getRoute("worker").getEndpoint()).getMaskedUri())
                    .contains("password=xxxxxx")
                    .doesNotContain(password);
            camel.getRouteController().stopRoute("worker", 5, TimeUnit.SECONDS);
            assertThat(log.text()).contains(app).doesNotContain(password);
        } finally {
            TestBroker.rabbitmqctl("delete_user", credentials[0]);
        }
        try (InputStream schema = getClass()
                .getResourceAsStream("/META-INF/io/github/dp3taskqueue/dp3-taskqueue.json")) {
            String json = new String(schema.readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\s", "");
            assertThat(json).containsPattern("\"password\":\\{[^}]*\"secret\":true");
            assertThat(json).containsPattern("\"username\":\\{[^}]*\"secret\":true");
        }
    }

    @Test
    void aUserWithoutWritePermissionGetsAClearRefusalAndTheRouteGoesOn() throws Exception {
        String app = dp3.app();
        String[] credentials = user("", "", ".*").split(" ");
        CamelContext camel = dp3.camel();
        try {
            camel.start();
            // the topology exists (declared by a user who may), the test user may only read
            camel.createProducerTemplate().sendBody(dp3.uri("workers=1&declareTopology=true"), TASK);
            TestBroker.drain(app + "-worker-0");
            String uri = "dp3-taskqueue:" + app + "?workers=1&username=" + credentials[0] + "&password="
                    + credentials[1]
                    + "&retryDelays=200ms&" + TestBroker.brokerOptions();
            try (CapturedLog log = new CapturedLog()) {
                for (int attempt = 0; attempt < 2; attempt++) {
                    Exchange result = camel.createProducerTemplate().send(uri, e -> e.getMessage().setBody(TASK));
                    assertThat(result.getException()).as("attempt %d", attempt).isNotNull()
                            .hasMessageContaining("ACCESS_REFUSED").hasMessageContaining(app + "-main-task-exchange")
                            .hasMessageNotContaining(credentials[1]);
                }
                // a refusal is final: the publisher does not reconnect to try the same task again
                assertThat(log.text()).doesNotContain("reconnect attempt");
            }
            assertThat(TestBroker.depth(app + "-worker-0")).isZero();
        } finally {
            TestBroker.rabbitmqctl("delete_user", credentials[0]);
        }
    }
}
