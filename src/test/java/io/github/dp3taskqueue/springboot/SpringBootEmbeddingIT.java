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
package io.github.dp3taskqueue.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.dp3taskqueue.TaskQueueComponent;
import io.github.dp3taskqueue.TaskQueueEndpoint;
import io.github.dp3taskqueue.testing.Publisher;
import io.github.dp3taskqueue.testing.TestBroker;

/**
 * Camel Spring Boot picks the component up from the class path, binds
 * {@code camel.component.dp3-taskqueue.*} from the Spring environment, autowires the
 * Spring-managed ConnectionFactory, and runs a YAML route that moves tasks through the broker.
 */
@SpringBootTest(classes = Dp3SpringBootApplication.class, properties = {
        "camel.main.routes-include-pattern=classpath:spring-boot-routes.yaml",
        "camel.component.dp3-taskqueue.workers=1",
        "camel.component.dp3-taskqueue.declareTopology=true",
        "camel.component.dp3-taskqueue.entityIdTypes=ip:ipv4",
})
class SpringBootEmbeddingIT {

    private static final String APP = TestBroker.uniqueApp("springboot");

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        TestBroker.ensureStarted();
        registry.add("test.broker.host", TestBroker::host);
        registry.add("test.broker.port", TestBroker::port);
        registry.add("test.app", () -> APP);
    }

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate template;

    @Autowired
    ConnectionFactory connectionFactory;

    @AfterAll
    static void cleanUp() {
        TestBroker.deleteApp(APP, 1);
    }

    @Test
    void tasksMoveThroughTheBrokerWithSpringConfiguration() throws Exception {
        TaskQueueComponent component = camel.getComponent("dp3-taskqueue", TaskQueueComponent.class);
        assertThat(component.getConnectionFactory()).isSameAs(connectionFactory);
        TaskQueueEndpoint endpoint = camel.getEndpoint("dp3-taskqueue:" + APP, TaskQueueEndpoint.class);
        assertThat(endpoint.getConfiguration().getEntityIdTypes()).isEqualTo("ip:ipv4");

        MockEndpoint drained = camel.getEndpoint("mock:drained", MockEndpoint.class);
        List<String> tasks = List.of(Publisher.task("ip", "192.168.0.1", "x"),
                Publisher.task("ip", "192.168.0.2", "x"));
        drained.expectedBodiesReceived(tasks);
        tasks.forEach(t -> template.sendBody("direct:feed", t));
        drained.assertIsSatisfied(10_000);
    }
}
