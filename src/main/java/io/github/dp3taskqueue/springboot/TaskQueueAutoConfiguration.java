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
 */
@AutoConfiguration(afterName = "org.apache.camel.spring.boot.CamelAutoConfiguration")
@ConditionalOnClass(name = "org.apache.camel.spring.boot.CamelAutoConfiguration")
@ConditionalOnBean(CamelContext.class)
public class TaskQueueAutoConfiguration {

    static final String PREFIX = "camel.component.dp3-taskqueue";

    @Bean(name = "dp3-taskqueue")
    @ConditionalOnMissingBean(TaskQueueComponent.class)
    public TaskQueueComponent dp3TaskQueueComponent(CamelContext camelContext, Environment environment) {
        TaskQueueComponent component = new TaskQueueComponent();
        component.setCamelContext(camelContext);
        Map<String, Object> properties = new HashMap<>();
        Binder.get(environment).bind(PREFIX, Bindable.mapOf(String.class, String.class))
                .ifBound(bound -> bound.forEach((key, value) -> properties.put(StringHelper.dashToCamelCase(key), value)));
        if (!properties.isEmpty()) {
            PropertyBindingSupport.build().withCamelContext(camelContext).withTarget(component).withProperties(properties)
                    .withConfigurer(new TaskQueueComponentConfigurer())
                    .withMandatory(true).withRemoveParameters(false).bind();
        }
        return component;
    }
}
