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

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

import io.github.dp3taskqueue.TaskQueueComponent;
import io.github.dp3taskqueue.TaskQueueComponentConfigurer;

/**
 * Camel Spring Boot binds {@code camel.component.NAME.*} only through a starter's
 * auto-configuration; this is the dp3-taskqueue one. It registers the component under its
 * scheme, with every {@code camel.component.dp3-taskqueue.*} property of the Spring environment
 * applied through the component's generated configurer (so names and types are those of the
 * component JSON, in camelCase or kebab-case). A Spring-managed spring-rabbit
 * {@code ConnectionFactory} is then autowired by Camel as usual.
 *
 * <p>The two switches of Camel's starters work as there: {@code camel.component.dp3-taskqueue.enabled=false}
 * turns this auto-configuration off (Camel then finds the component on the class path, without the
 * Spring properties), {@code camel.component.dp3-taskqueue.customizer.enabled=false} registers the
 * component without applying them; {@code camel.component.enabled} and
 * {@code camel.component.customizer.enabled} do the same for every component.
 */
@AutoConfiguration(afterName = "org.apache.camel.spring.boot.CamelAutoConfiguration")
@ConditionalOnClass(name = "org.apache.camel.spring.boot.CamelAutoConfiguration")
@ConditionalOnBean(CamelContext.class)
@Conditional(Switches.Enabled.class)
public class TaskQueueAutoConfiguration {

    static final String PREFIX = "camel.component.dp3-taskqueue";

    @Bean(name = "dp3-taskqueue")
    @ConditionalOnMissingBean(TaskQueueComponent.class)
    public TaskQueueComponent dp3TaskQueueComponent(CamelContext camelContext, Environment environment) {
        TaskQueueComponent component = new TaskQueueComponent();
        component.setCamelContext(camelContext);
        if (!Switches.customizerEnabled(environment)) {
            return component;
        }
        Map<String, Object> properties = new HashMap<>();
        Binder.get(environment).bind(PREFIX, Bindable.mapOf(String.class, String.class))
                .ifBound(bound -> bound
                        .forEach((key, value) -> properties.put(StringHelper.dashToCamelCase(key), value)));
        // the starter's switches, not options of the component
        properties.remove("enabled");
        properties.keySet().removeIf(key -> key.startsWith("customizer."));
        if (!properties.isEmpty()) {
            PropertyBindingSupport.build().withCamelContext(camelContext).withTarget(component)
                    .withProperties(properties)
                    .withConfigurer(new TaskQueueComponentConfigurer())
                    .withMandatory(true).withRemoveParameters(false).bind();
        }
        return component;
    }
}
