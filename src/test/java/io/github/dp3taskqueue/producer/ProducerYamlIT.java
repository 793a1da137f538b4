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
package io.github.dp3taskqueue.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.dp3taskqueue.dp3.routing.Dp3Hash;
import io.github.dp3taskqueue.testing.Dp3Fixture;
import io.github.dp3taskqueue.testing.TestBroker;

/** The producer used from a YAML DSL route, with its options as YAML parameters. */
@ExtendWith(TestBroker.class)
class ProducerYamlIT {

    @RegisterExtension
    final Dp3Fixture dp3 = new Dp3Fixture("yaml", 4);

    private static final String ROUTE = """
            - route:
                id: feed
                from:
                  uri: direct:feed
                  steps:
                    - to:
                        uri: dp3-taskqueue:{{app}}
                        parameters:
                          workers: 4
                          declareTopology: true
                          entityIdTypes: ip:ipv4
                          host: "{{broker.host}}"
                          port: "{{broker.port}}"
                    - setBody:
                        simple: "${header.CamelDp3WorkerIndex}"
            """;

    @Test
    void aYamlRoutePublishesCanonicalTasksToTheHashedWorker() throws Exception {
        String app = dp3.app();
        CamelContext camel = dp3.camel();
        Properties properties = new Properties();
        properties.setProperty("app", app);
        properties.setProperty("broker.host", TestBroker.host());
        properties.setProperty("broker.port", Integer.toString(TestBroker.port()));
        camel.getPropertiesComponent().setInitialProperties(properties);
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("feed.yaml", ROUTE));
        camel.start();
        Object worker = camel.createProducerTemplate().requestBody("direct:feed",
                "{\"etype\":\"ip\",\"eid\":\"10.0.0.1\",\"data_points\":[{\"etype\":\"ip\",\"eid\":\"10.0.0.1\","
                        + "\"attr\":\"a\",\"v\":1}]}");
        assertThat(worker).isEqualTo(Dp3Hash.worker("ip:10.0.0.1", 4));
        assertThat(TestBroker.depth(app + "-worker-" + worker)).isEqualTo(1);

    }
}
