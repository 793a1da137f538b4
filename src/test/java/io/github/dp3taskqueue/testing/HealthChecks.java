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
package io.github.dp3taskqueue.testing;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;

/** Camel's health API on a bare context, as Camel Main and Spring Boot set it up through camel.health.*. */
public final class HealthChecks {

    private HealthChecks() {
    }

    /** Enables the consumers' and producers' repositories and full exposure. */
    public static void enable(CamelContext camel) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(camel);
        registry.setExposureLevel("full");
        for (String repository : new String[]{"consumers", "producers"}) {
            HealthCheckRepository found = registry.getRepository(repository)
                    .orElseGet(() -> (HealthCheckRepository) registry.resolveById(repository));
            CamelContextAware.trySetCamelContext(found, camel);
            found.setEnabled(true);
            registry.register(found);
        }
    }

    /** The readiness result of the check with this id (a consumer's is {@code consumer:<routeId>}). */
    public static HealthCheck.Result readiness(CamelContext camel, String id) {
        return HealthCheckHelper.invokeReadiness(camel).stream().filter(r -> r.getCheck().getId().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no health check " + id));
    }
}
