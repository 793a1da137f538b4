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
