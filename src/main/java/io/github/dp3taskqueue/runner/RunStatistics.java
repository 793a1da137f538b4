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
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

import io.github.dp3taskqueue.TaskQueueConstants;
import io.github.dp3taskqueue.consumer.TaskQueueConsumer;

/**
 * Counts, through Camel's event notifier, the tasks the runner's routes publish and consume and
 * the exchanges each route completes; prints a progress line and the final summary.
 */
final class RunStatistics extends EventNotifierSupport {

    private final LongAdder published = new LongAdder();
    private final LongAdder consumed = new LongAdder();
    private final Map<String, LongAdder> completedByRoute = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failedByRoute = new ConcurrentHashMap<>();
    private long lastPublished;
    private long lastConsumed;
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
                published.add(sent.getExchange().getMessage().getHeader(TaskQueueConstants.PUBLISHED_COUNT, 0,
                        Integer.class));
            }
        } else if (event instanceof CamelEvent.ExchangeCompletedEvent completed) {
            count(completed.getExchange(), completedByRoute);
            if (completed.getExchange().getFromEndpoint() != null
                    && completed.getExchange().getFromEndpoint().getEndpointUri().startsWith("dp3-taskqueue:")) {
                consumed.increment();
            }
        } else if (event instanceof CamelEvent.ExchangeFailedEvent failed) {
            count(failed.getExchange(), failedByRoute);
        }
    }

    private static void count(Exchange exchange, Map<String, LongAdder> counters) {
        String route = exchange.getFromRouteId();
        if (route != null) {
            counters.computeIfAbsent(route, r -> new LongAdder()).increment();
        }
    }

    /** One line: totals, rates since the last line, and the depth of every queue a route consumes. */
    synchronized String progressLine(CamelContext camel) {
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
        long p = published.sum();
        long c = consumed.sum();
        StringBuilder line = new StringBuilder(String.format("progress: published %d (%.0f/s), consumed %d (%.0f/s)", p,
                (p - lastPublished) / seconds, c, (c - lastConsumed) / seconds));
        lastPublished = p;
        lastConsumed = c;
        lastNanos = now;
        Map<String, Long> depths = new TreeMap<>();
        for (Route route : camel.getRoutes()) {
            if (route.getConsumer() instanceof TaskQueueConsumer consumer) {
                depths.putAll(consumer.queueDepths());
            }
        }
        if (!depths.isEmpty()) {
            line.append(", queue depths ").append(depths);
        }
        return line.toString();
    }

    String summary() {
        StringBuilder out = new StringBuilder();
        out.append("dp3-taskqueue summary: published ").append(published.sum()).append(" tasks, consumed ")
                .append(consumed.sum()).append(" tasks\n");
        Map<String, LongAdder> routes = new TreeMap<>(completedByRoute);
        failedByRoute.keySet().forEach(r -> routes.putIfAbsent(r, new LongAdder()));
        routes.forEach((route, completed) -> out.append("  route ").append(route).append(": ").append(completed.sum())
                .append(" completed, ").append(failedByRoute.getOrDefault(route, new LongAdder()).sum())
                .append(" failed\n"));
        return out.toString();
    }
}
