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
package io.github.dp3taskqueue;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;

import io.github.dp3taskqueue.testing.TestData;

/** Where an endpoint points, as {@code camel get service} and span tags show it: never the password. */
class EndpointServiceLocationTest {

    @Test
    void anAmqpUrlWithTheVirtualHostEncodedAndTheUserButNoPassword() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            TaskQueueEndpoint fromConfig = camel.getEndpoint("dp3-taskqueue:app?configDir=" + TestData.dir("config")
                    + "&port=5673&password=secret", TaskQueueEndpoint.class);
            assertThat(fromConfig.getServiceUrl()).isEqualTo("amqp://localhost:5673/%2F");
            assertThat(fromConfig.getServiceProtocol()).isEqualTo("amqp");
            assertThat(fromConfig.getServiceMetadata()).containsEntry("username", "guest")
                    .containsEntry("application", "app").doesNotContainValue("secret");

            TaskQueueEndpoint tls = camel.getEndpoint("dp3-taskqueue:other?host=rabbit.example.org&port=5671"
                    + "&virtualHost=dp3&username=writer", TaskQueueEndpoint.class);
            tls.getConfiguration().setSslContextParameters(new SSLContextParameters());
            assertThat(tls.getServiceUrl()).isEqualTo("amqps://rabbit.example.org:5671/dp3");
            assertThat(tls.getServiceMetadata()).containsEntry("username", "writer");

            TaskQueueEndpoint cluster = camel.getEndpoint("dp3-taskqueue:third?addresses=r1:5672,r2:5672",
                    TaskQueueEndpoint.class);
            assertThat(cluster.getServiceUrl()).isEqualTo("amqp://r1:5672,r2:5672/%2F");
        }
    }
}
