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

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The switches of every Camel component starter, read as Camel Spring Boot reads them: the
 * component's own {@code camel.component.dp3-taskqueue.X.enabled} wins over the general
 * {@code camel.component.X.enabled}; both default to true.
 */
final class Switches {

    private Switches() {
    }

    /** {@code enabled}: whether the auto-configuration applies at all. */
    static boolean enabled(Environment environment) {
        return evaluate(environment, "camel.component.enabled", TaskQueueAutoConfiguration.PREFIX + ".enabled");
    }

    /** {@code customizer.enabled}: whether the {@code camel.component.dp3-taskqueue.*} properties are applied. */
    static boolean customizerEnabled(Environment environment) {
        return evaluate(environment, "camel.component.customizer.enabled",
                TaskQueueAutoConfiguration.PREFIX + ".customizer.enabled");
    }

    private static boolean evaluate(Environment environment, String general, String specific) {
        boolean answer = environment.getProperty(general, Boolean.class, true);
        return environment.getProperty(specific, Boolean.class, answer);
    }

    /** The condition of the auto-configuration: {@link #enabled}. */
    static final class Enabled extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return enabled(context.getEnvironment())
                    ? ConditionOutcome.match("dp3-taskqueue auto-configuration enabled")
                    : ConditionOutcome.noMatch(
                            TaskQueueAutoConfiguration.PREFIX + ".enabled (or camel.component.enabled) is false");
        }
    }
}
