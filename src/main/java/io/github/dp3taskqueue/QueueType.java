package io.github.dp3taskqueue;

/** The option {@code queueType}: the type of the worker queues {@code declareTopology} declares. */
public enum QueueType {
    /** classic queues, as DP3 declares them */
    CLASSIC,
    /** quorum queues, replicated over the nodes of a RabbitMQ cluster */
    QUORUM
}
