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
package io.github.dp3taskqueue;

import java.util.List;

import org.apache.camel.spi.Metadata;

/** The Camel message headers a {@code dp3-taskqueue} endpoint reads and sets. */
public final class TaskQueueConstants {

    // Override headers: read by the producer, and removed by it after a successful send so that
    // they do not steer the next to(). The consumer never sets them: a task consumed from one
    // deployment is re-hashed for the next (camel-spring-rabbitmq keeps the same split).
    @Metadata(label = "producer",
            description = "Overrides the option priority for this message: publish to the priority task exchange. "
                    + "Removed after a successful send. A bridge keeps a task's priority by setting it from "
                    + "CamelDp3FromPriority.",
            javaType = "Boolean")
    public static final String PRIORITY_OVERRIDE = "CamelDp3PriorityOverride";
    @Metadata(label = "producer",
            description = "Overrides the option broadcast for this message: publish to every worker. "
                    + "Removed after a successful send.",
            javaType = "Boolean")
    public static final String BROADCAST_OVERRIDE = "CamelDp3BroadcastOverride";
    @Metadata(label = "producer",
            description = "Publish with this routing key (a worker index in decimal) instead of the hashed one. "
                    + "Removed after a successful send.",
            javaType = "String")
    public static final String ROUTING_KEY_OVERRIDE = "CamelDp3RoutingKeyOverride";
    @Metadata(label = "producer",
            description = "For a JSON-lines body that is one part of a larger file: the number of its first line in "
                    + "that file (default 1), so that errors and CamelDp3InvalidTasks name the file's lines. "
                    + "Removed after a successful send.",
            javaType = "Long")
    public static final String FIRST_LINE_NUMBER = "CamelDp3FirstLineNumber";

    @Metadata(label = "producer",
            description = "Set after a send: the worker index the task went to (a single task not broadcast).",
            javaType = "Integer")
    public static final String WORKER_INDEX = "CamelDp3WorkerIndex";
    @Metadata(label = "producer",
            description = "Set after a send: the worker index of every message published, in publish order.",
            javaType = "java.util.List<Integer>")
    public static final String WORKER_INDEXES = "CamelDp3WorkerIndexes";
    @Metadata(label = "producer", description = "Set after a send: the exchange the messages were published to.",
            javaType = "String")
    public static final String EXCHANGE = "CamelDp3Exchange";
    @Metadata(label = "producer",
            description = "Set after a send: how many messages were published and confirmed by the broker (also when "
                    + "the send failed: those are in the queues).",
            javaType = "Integer")
    public static final String PUBLISHED_COUNT = "CamelDp3PublishedCount";
    @Metadata(label = "producer",
            description = "Set after a send with skipInvalidTasks: the items that were not published, each as 'item N: "
                    + "reason' (by index from 0), or 'line N: reason' for JSON lines (by line number from 1).",
            javaType = "java.util.List<String>")
    public static final String INVALID_TASKS = "CamelDp3InvalidTasks";

    // Informative headers: set by the consumer, never read by the producer.
    @Metadata(label = "consumer", description = "The queue the task was consumed from.", javaType = "String")
    public static final String QUEUE = "CamelDp3Queue";
    @Metadata(label = "consumer", description = "Whether the task came from the worker's priority queue.",
            javaType = "Boolean")
    public static final String FROM_PRIORITY = "CamelDp3FromPriority";
    @Metadata(label = "consumer",
            description = "The routing key the message was published with (the source worker index). "
                    + "Information only: the producer re-hashes; copy it to CamelDp3RoutingKeyOverride to keep it.",
            javaType = "String")
    public static final String ROUTING_KEY = "CamelDp3RoutingKey";
    @Metadata(label = "consumer", description = "The AMQP delivery tag (valid on the delivering channel only).",
            javaType = "Long")
    public static final String DELIVERY_TAG = "CamelDp3DeliveryTag";
    @Metadata(label = "consumer",
            description = "Whether the broker redelivered the message (an earlier delivery was not acked).",
            javaType = "Boolean")
    public static final String REDELIVERED = "CamelDp3Redelivered";
    @Metadata(description = "The AMQP message id (a UUID when written by DP3 or this component): of the task "
            + "delivered (consumer), or of the task published when the exchange published one (producer).",
            javaType = "String")
    public static final String MESSAGE_ID = "CamelDp3MessageId";
    @Metadata(label = "consumer", description = "The entity key etype:eid of a DataPointTask (the key DP3 hashes).",
            javaType = "String")
    public static final String ENTITY_KEY = "CamelDp3EntityKey";

    /**
     * The W3C trace context (and baggage) as Camel's tracing puts it in a message's headers: the
     * producer sends them as AMQP headers and the consumer sets them back, so a trace goes on
     * across the queue. DP3 ignores message headers.
     */
    public static final List<String> TRACE_CONTEXT_HEADERS = List.of("traceparent", "tracestate", "baggage");

    private TaskQueueConstants() {
    }
}
