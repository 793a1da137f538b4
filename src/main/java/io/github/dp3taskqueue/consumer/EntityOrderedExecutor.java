package io.github.dp3taskqueue.consumer;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs up to {@code concurrency} tasks at once while tasks of one entity run one at a time and
 * in the order they were handed in, as DP3's worker threads do (it hashes entities to threads).
 * A task whose entity is busy waits behind it without holding a slot; when the entity's task
 * ends, its successor takes over that slot.
 */
final class EntityOrderedExecutor {

    /** A task that calls {@code done} exactly once when it has finished, on any thread. */
    interface Job {
        void start(Runnable done);
    }

    private final Semaphore slots;
    private final int concurrency;
    private final Executor workers;
    private final Map<String, ArrayDeque<Job>> busyEntities = new HashMap<>(); // guarded by this

    EntityOrderedExecutor(int concurrency, Executor workers) {
        this.concurrency = concurrency;
        this.slots = new Semaphore(concurrency);
        this.workers = workers;
    }

    /** Waits for a free slot; the caller then hands exactly one job to {@link #run}. */
    void acquireSlot() throws InterruptedException {
        slots.acquire();
    }

    void releaseSlot() {
        slots.release();
    }

    /** Runs the job in the slot the caller acquired, after any earlier job of the same entity. */
    void run(String entityKey, Job job) {
        if (entityKey != null) {
            synchronized (this) {
                ArrayDeque<Job> waiting = busyEntities.get(entityKey);
                if (waiting != null) {
                    waiting.add(job);
                    slots.release();
                    return;
                }
                busyEntities.put(entityKey, new ArrayDeque<>());
            }
        }
        start(entityKey, job);
    }

    private void start(String entityKey, Job job) {
        workers.execute(() -> job.start(() -> finished(entityKey)));
    }

    private void finished(String entityKey) {
        Job next = null;
        if (entityKey != null) {
            synchronized (this) {
                ArrayDeque<Job> waiting = busyEntities.get(entityKey);
                next = waiting == null ? null : waiting.poll();
                if (next == null) {
                    busyEntities.remove(entityKey);
                }
            }
        }
        if (next != null) {
            start(entityKey, next);
        } else {
            slots.release();
        }
    }

    /** Whether no job is running or waiting. */
    boolean idle() {
        synchronized (this) {
            return busyEntities.isEmpty() && slots.availablePermits() == concurrency;
        }
    }

    /** Waits until no job runs, at most {@code millis}. */
    boolean awaitIdle(long millis) throws InterruptedException {
        if (slots.tryAcquire(concurrency, millis, TimeUnit.MILLISECONDS)) {
            slots.release(concurrency);
            return true;
        }
        return false;
    }
}
