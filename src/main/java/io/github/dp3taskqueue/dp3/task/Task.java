package io.github.dp3taskqueue.dp3.task;

/**
 * One DP3 task as it travels on the queue: a {@link DataPointTask}, a {@link Snapshot} or a
 * {@link ControlMessage}.
 */
public sealed interface Task permits DataPointTask, Snapshot, ControlMessage {

    /** The DP3 kind this task belongs to; it selects the exchange and the routing rule. */
    TaskKind kind();

    /**
     * The key DP3 hashes to choose the worker (PROTOCOL.md §2): {@code etype:eid} for a
     * DataPointTask, the entity keys joined with {@code -} for a Snapshot, {@code ""} otherwise.
     */
    String hashKey();
}
