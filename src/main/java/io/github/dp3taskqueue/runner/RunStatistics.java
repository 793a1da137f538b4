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
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

import io.github.dp3taskqueue.TaskQueueConstants;
import io.github.dp3taskqueue.TaskQueueEndpoint;

/**
 * Counts, through Camel's event notifier, what the runner's routes did in the units an operator
 * thinks in: tasks published and consumed, files and HTTP requests handled (each failed one too);
 * prints a progress line when something changed and the final summary.
 */
final class RunStatistics extends EventNotifierSupport {

    /** What one route did. */
    private static final class RouteCounts {
        final LongAdder handled = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder published = new LongAdder();
        volatile String unit = "exchanges";
    }

    private final LongAdder published = new LongAdder();
    private final LongAdder consumed = new LongAdder();
    private final Map<String, RouteCounts> routes = new ConcurrentHashMap<>();
    private long lastPublished;
    private long lastConsumed;
    private Map<String, Long> lastDepths = Map.of();
    private long lastNanos = System.nanoTime();

    RunStatistics() {
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreStepEvents(true);
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeSentEvent sent) {
            if (sent.getEndpoint().getEndpointUri().startsWith("dp3-taskqueue:")
                    && sent.getExchange().getException() == null) {
                int count = sent.getExchange().getMessage().getHeader(TaskQueueConstants.PUBLISHED_COUNT, 0,
                        Integer.class);
                published.add(count);
                RouteCounts route = route(sent.getExchange());
                if (route != null) {
                    route.published.add(count);
                }
            }
        } else if (event instanceof CamelEvent.ExchangeCompletedEvent completed) {
            ended(completed.getExchange(), false);
        } else if (event instanceof CamelEvent.ExchangeFailedEvent failed) {
            ended(failed.getExchange(), true);
        }
    }

    private void ended(Exchange exchange, boolean failed) {
        RouteCounts route = route(exchange);
        if (route == null) {
            return;
        }
        (failed ? route.failed : route.handled).increment();
        if (!failed && "tasks consumed".equals(route.unit)) {
            consumed.increment();
        }
    }

    private RouteCounts route(Exchange exchange) {
        String id = exchange.getFromRouteId();
        if (id == null) {
            return null;
        }
        return routes.computeIfAbsent(id, r -> {
            RouteCounts counts = new RouteCounts();
            counts.unit = unit(exchange.getFromEndpoint());
            return counts;
        });
    }

    /** What one exchange of a route from this endpoint is, for a person. */
    private static String unit(Endpoint from) {
        String uri = from == null ? "" : from.getEndpointUri();
        if (uri.startsWith("dp3-taskqueue:")) {
            return "tasks consumed";
        }
        if (uri.startsWith("file:")) {
            return "files";
        }
        if (uri.startsWith("platform-http:") || uri.startsWith("http")) {
            return "requests";
        }
        return "exchanges";
    }

    /**
     * One line: totals, rates since the last line, and the depth of every queue a route reads or writes;
     * empty when nothing changed since the last line (an idle runner stays quiet).
     */
    synchronized Optional<String> progressLine(CamelContext camel) {
        long p = published.sum();
        long c = consumed.sum();
        Map<String, Long> depths = new TreeMap<>();
        // the queues the routes read and write, as the endpoints last probed them (statsInterval)
        for (Endpoint endpoint : camel.getEndpoints()) {
            if (endpoint instanceof TaskQueueEndpoint dp3) {
                dp3.observed().forEach(part -> depths.putAll(part.queueDepths()));
            }
        }
        if (p == lastPublished && c == lastConsumed && depths.equals(lastDepths)) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
        StringBuilder line = new StringBuilder(String.format("progress: published %d (%.0f/s), consumed %d (%.0f/s)", p,
                (p - lastPublished) / seconds, c, (c - lastConsumed) / seconds));
        if (!depths.isEmpty()) {
            line.append(", queue depths ").append(depths);
        }
        lastPublished = p;
        lastConsumed = c;
        lastDepths = depths;
        lastNanos = now;
        return Optional.of(line.toString());
    }

    String summary() {
        StringBuilder out = new StringBuilder();
        out.append("dp3-taskqueue summary: published ").append(published.sum()).append(" tasks, consumed ")
                .append(consumed.sum()).append(" tasks\n");
        new TreeMap<>(routes).forEach((id, counts) -> {
            out.append("  route ").append(id).append(": ");
            long handled = counts.handled.sum();
            long failed = counts.failed.sum();
            long sent = counts.published.sum();
            if ("exchanges".equals(counts.unit) && sent > 0) {
                out.append(sent).append(" tasks published, ").append(failed).append(" failed");
            } else {
                out.append(handled + failed).append(' ').append(counts.unit).append(", ").append(failed)
                        .append(" failed");
                if (sent > 0) {
                    out.append(", ").append(sent).append(" tasks published");
                }
            }
            out.append('\n');
        });
        return out.toString();
    }
}
