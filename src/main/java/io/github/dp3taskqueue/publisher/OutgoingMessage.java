package io.github.dp3taskqueue.publisher;

/**
 * One message to publish: a task's DP3 JSON to one worker.
 *
 * @param body       the DP3 JSON of the task
 * @param exchange   the exchange
 * @param routingKey the routing key (the worker index in decimal)
 * @param worker     the worker index, or -1 when a routing-key header named something else
 */
public record OutgoingMessage(byte[] body, String exchange, String routingKey, int worker) {
}
