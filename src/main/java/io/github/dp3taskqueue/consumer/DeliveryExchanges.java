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
package io.github.dp3taskqueue.consumer;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;

import io.github.dp3taskqueue.EndpointSettings;
import io.github.dp3taskqueue.TaskQueueConstants;
import io.github.dp3taskqueue.TaskQueueEndpoint;
import io.github.dp3taskqueue.dp3.task.DataPointTask;
import io.github.dp3taskqueue.dp3.task.InvalidTaskException;
import io.github.dp3taskqueue.dp3.task.ReceivedTask;
import io.github.dp3taskqueue.dp3.task.Snapshot;
import io.github.dp3taskqueue.dp3.task.Task;
import io.github.dp3taskqueue.observe.Refusals;

/** Turns deliveries into Camel exchanges: the parsed task (or the error naming why not) and headers. */
final class DeliveryExchanges {

    /** A delivery's body as a task, or the error that says why it is not one. */
    record Parsed(ReceivedTask received, InvalidTaskException error) {

        /** The entity a task belongs to, for per-entity ordering; {@code null} for none. */
        String entityKey() {
            Task task = received.task();
            return task instanceof DataPointTask || task instanceof Snapshot ? task.hashKey() : null;
        }
    }

    private final TaskQueueEndpoint endpoint;
    private final Refusals refusals;

    DeliveryExchanges(TaskQueueEndpoint endpoint) {
        this.endpoint = endpoint;
        this.refusals = endpoint.getComponent().refusals(endpoint.getApplication());
    }

    /** Reads a body as the endpoint's task kind; never throws: a body that is not a task gives its error. */
    Parsed parse(byte[] body) {
        EndpointSettings.Consuming options = endpoint.getSettings().consumer();
        if (!options.parse() && options.concurrentConsumers() == 1) {
            return new Parsed(new ReceivedTask(body, null), null); // one at a time: no entity key needed
        }
        try {
            Task task = endpoint.getSettings().codec().decode(body);
            return new Parsed(new ReceivedTask(body, task), null);
        } catch (InvalidTaskException e) {
            if (!e.refusals().isEmpty()) {
                refusals.record(Refusals.Side.CONSUMER, e.refusals());
            }
            return new Parsed(new ReceivedTask(body, null), e.withRawBody(body));
        } catch (RuntimeException e) {
            // not expected; on amqp-client's delivery thread it would close the channel, so it is
            // the route's error handler that gets it, as for any body that is not a task
            InvalidTaskException error = new InvalidTaskException("cannot read the task: " + e, e);
            return new Parsed(new ReceivedTask(body, null), error.withRawBody(body));
        }
    }

    Exchange create(Delivery delivery) {
        Exchange exchange = endpoint.createExchange();
        fill(exchange, delivery);
        return exchange;
    }

    void fill(Exchange exchange, Delivery delivery) {
        Parsed parsed = delivery.parsed();
        Message message = exchange.getMessage();
        message.setHeader(TaskQueueConstants.QUEUE, delivery.queue());
        message.setHeader(TaskQueueConstants.FROM_PRIORITY, delivery.priority());
        message.setHeader(TaskQueueConstants.DELIVERY_TAG, delivery.envelope().getDeliveryTag());
        message.setHeader(TaskQueueConstants.REDELIVERED, delivery.envelope().isRedeliver());
        message.setHeader(TaskQueueConstants.ROUTING_KEY, delivery.envelope().getRoutingKey());
        if (delivery.properties().getMessageId() != null) {
            message.setHeader(TaskQueueConstants.MESSAGE_ID, delivery.properties().getMessageId());
        }
        Map<String, Object> amqpHeaders = delivery.properties().getHeaders();
        if (amqpHeaders != null) {
            // the sender's trace context: Camel's tracing continues the trace from it
            for (String name : TaskQueueConstants.TRACE_CONTEXT_HEADERS) {
                Object value = amqpHeaders.get(name);
                if (value != null) {
                    message.setHeader(name, value.toString());
                }
            }
        }
        if (parsed.received().task() instanceof DataPointTask task) {
            message.setHeader(TaskQueueConstants.ENTITY_KEY, task.hashKey());
        }
        if (!endpoint.getSettings().consumer().parse()) {
            message.setBody(parsed.received().json());
        } else if (parsed.error() != null) {
            // as Camel's bridgeErrorHandler does: the route's error handler takes the exchange as failed
            message.setBody(parsed.received().body());
            exchange.setException(parsed.error());
            exchange.setProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, parsed.error());
            exchange.setProperty(ExchangePropertyKey.ERRORHANDLER_BRIDGE, true);
            exchange.getExchangeExtension().setRedeliveryExhausted(true);
        } else {
            message.setBody(parsed.received());
        }
    }
}
