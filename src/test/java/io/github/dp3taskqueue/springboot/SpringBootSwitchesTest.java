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

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import io.github.dp3taskqueue.TaskQueueComponent;

/**
 * The switches every Camel component starter has: {@code enabled} and {@code customizer.enabled},
 * per component and for all components. No route runs, so no broker is needed.
 */
class SpringBootSwitchesTest {

    private final ApplicationContextRunner spring = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, TaskQueueAutoConfiguration.class))
            .withPropertyValues("camel.component.dp3-taskqueue.workers=3",
                    "camel.component.dp3-taskqueue.entity-id-types=ip:ipv4");

    private static TaskQueueComponent component(ApplicationContext context) {
        return context.getBean(CamelContext.class).getComponent("dp3-taskqueue", TaskQueueComponent.class);
    }

    @Test
    void byDefaultThePropertiesAreApplied() {
        spring.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(TaskQueueComponent.class);
            assertThat(component(context).getConfiguration().getWorkers()).isEqualTo(3);
            assertThat(component(context).getConfiguration().getEntityIdTypes()).isEqualTo("ip:ipv4");
        });
    }

    @Test
    void customizerDisabledRegistersTheComponentWithoutTheProperties() {
        spring.withPropertyValues("camel.component.dp3-taskqueue.customizer.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(TaskQueueComponent.class);
            assertThat(component(context).getConfiguration().getWorkers()).isNull();
        });
        spring.withPropertyValues("camel.component.customizer.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(component(context).getConfiguration().getWorkers()).isNull();
        });
        spring.withPropertyValues("camel.component.customizer.enabled=false",
                "camel.component.dp3-taskqueue.customizer.enabled=true").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(component(context).getConfiguration().getWorkers()).isEqualTo(3);
                });
    }

    @Test
    void disabledTurnsTheAutoConfigurationOffAndCamelStillFindsTheComponent() {
        spring.withPropertyValues("camel.component.dp3-taskqueue.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(TaskQueueComponent.class);
            // found on the class path by Camel, without the Spring properties
            assertThat(component(context).getConfiguration().getWorkers()).isNull();
        });
        spring.withPropertyValues("camel.component.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TaskQueueComponent.class));
        spring.withPropertyValues("camel.component.enabled=false", "camel.component.dp3-taskqueue.enabled=true")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(TaskQueueComponent.class);
                    assertThat(component(context).getConfiguration().getWorkers()).isEqualTo(3);
                });
    }
}
