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
package io.github.dp3taskqueue.runner;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

import io.github.dp3taskqueue.TaskQueueComponent;
import io.github.dp3taskqueue.dp3.json.JsonText;

/**
 * Keeps the runner's HTTP port from answering as if it were ready while the routes still start
 * (a producer waits for a missing DP3 topology or an unreachable broker for up to its
 * {@code retryDelays}): until every route has started, each request is answered 503 with what the
 * start waits for, and {@code Retry-After}. The HTTP server (Camel's platform-http on Vert.x)
 * listens before the routes start, so without this a sender would get 404 from a route not there
 * yet, or wait without an answer.
 */
final class StartingGate extends EventNotifierSupport {

    private final CamelContext camel;
    private volatile boolean started;

    StartingGate(CamelContext camel) {
        this.camel = camel;
        setIgnoreExchangeEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.CamelContextRoutesStartingEvent) {
            // Camel Main's HTTP server names its router after its port
            for (VertxPlatformHttpRouter router : camel.getRegistry().findByType(VertxPlatformHttpRouter.class)) {
                // the last route: before the routes' own are there, it is the only one
                router.route().order(Integer.MAX_VALUE).handler(context -> {
                    if (started) {
                        context.next();
                        return;
                    }
                    context.response().setStatusCode(503).putHeader("Content-Type", "application/json")
                            .putHeader("Retry-After", "5").end(detail());
                });
            }
        } else if (event instanceof CamelEvent.CamelContextRoutesStartedEvent) {
            started = true;
        }
    }

    /** {@code {"detail":"…"}} naming what the start waits for. */
    String detail() {
        TaskQueueComponent component = camel.hasComponent("dp3-taskqueue") instanceof TaskQueueComponent c ? c : null;
        Map<String, String> waits = component == null ? Map.of() : component.startupWaits();
        String reason = waits.isEmpty() ? "the routes are starting"
                : "the routes are starting, and the start waits: " + String.join("; ", waits.values());
        return JsonText.string(new StringBuilder("{\"detail\":"), "dp3-taskqueue is not ready: " + reason)
                .append('}').toString();
    }
}
