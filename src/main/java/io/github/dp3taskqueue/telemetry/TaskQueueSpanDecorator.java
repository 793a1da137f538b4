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
package io.github.dp3taskqueue.telemetry;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.telemetry.Span;
import org.apache.camel.telemetry.TagConstants;
import org.apache.camel.telemetry.decorators.AbstractMessagingSpanDecorator;

import io.github.dp3taskqueue.EndpointSettings;
import io.github.dp3taskqueue.TaskQueueConstants;
import io.github.dp3taskqueue.TaskQueueEndpoint;

/**
 * The spans of {@code dp3-taskqueue} endpoints for camel-telemetry (found through
 * {@code META-INF/services/org.apache.camel.telemetry.SpanDecorator}): the destination is the
 * exchange published to or the queue consumed from; a span also carries the routing key, the
 * worker index and the message id. The trace context itself crosses the queue in the message's
 * headers ({@link TaskQueueConstants#TRACE_CONTEXT_HEADERS}), which Camel's tracing reads and writes.
 */
public class TaskQueueSpanDecorator extends AbstractMessagingSpanDecorator {

    static final String ROUTING_KEY = "messaging.rabbitmq.destination.routing_key";
    static final String WORKER_INDEX = "dp3.worker.index";
    /** The span of the route that consumed the exchange's task, told apart from the spans of its sends. */
    private static final String CONSUMER_SPAN = "Dp3TaskQueueConsumerSpan";

    @Override
    public String getComponent() {
        return "dp3-taskqueue";
    }

    @Override
    public String getComponentClassName() {
        return "io.github.dp3taskqueue.TaskQueueComponent";
    }

    /** Whether the span is the consuming route's: the endpoint is the one the exchange came from. */
    private static boolean consumed(Exchange exchange, Endpoint endpoint) {
        return endpoint != null && exchange.getFromEndpoint() == endpoint;
    }

    @Override
    protected String getDestination(Exchange exchange, Endpoint endpoint) {
        Message message = exchange.getMessage();
        String queue = message.getHeader(TaskQueueConstants.QUEUE, String.class);
        if (queue != null && consumed(exchange, endpoint)) {
            return queue; // a delivered task
        }
        if (endpoint instanceof TaskQueueEndpoint dp3 && dp3.getSettings() != null) {
            EndpointSettings settings = dp3.getSettings();
            Boolean priority = message.getHeader(TaskQueueConstants.PRIORITY_OVERRIDE, Boolean.class);
            return settings.names().exchangeFor(settings.kind(),
                    priority != null ? priority : settings.producer().priority());
        }
        return super.getDestination(exchange, endpoint);
    }

    /** The delivered task's message id; a send's is known once it was published ({@link #afterTracingEvent}). */
    @Override
    protected String getMessageId(Exchange exchange) {
        return exchange.getProperty(CONSUMER_SPAN) == null ? null
                : exchange.getMessage().getHeader(TaskQueueConstants.MESSAGE_ID, String.class);
    }

    @Override
    public void beforeTracingEvent(Span span, Exchange exchange, Endpoint endpoint) {
        if (consumed(exchange, endpoint) && exchange.getProperty(CONSUMER_SPAN) == null) {
            exchange.setProperty(CONSUMER_SPAN, span);
            String routingKey = exchange.getMessage().getHeader(TaskQueueConstants.ROUTING_KEY, String.class);
            if (routingKey != null) { // its worker is the routing key it was sent with
                span.setTag(ROUTING_KEY, routingKey);
                span.setTag(WORKER_INDEX, routingKey);
            }
        }
        super.beforeTracingEvent(span, exchange, endpoint);
    }

    /** After a send: the worker and the message id the producer published to and with (one task). */
    @Override
    public void afterTracingEvent(Span span, Exchange exchange) {
        super.afterTracingEvent(span, exchange);
        if (exchange.getProperty(CONSUMER_SPAN) == span) {
            return;
        }
        Message message = exchange.getMessage();
        Integer worker = message.getHeader(TaskQueueConstants.WORKER_INDEX, Integer.class);
        if (worker != null) {
            span.setTag(WORKER_INDEX, worker.toString());
            span.setTag(ROUTING_KEY, worker.toString());
        }
        String messageId = message.getHeader(TaskQueueConstants.MESSAGE_ID, String.class);
        if (messageId != null) {
            span.setTag(TagConstants.MESSAGE_ID, messageId);
        }
    }
}
