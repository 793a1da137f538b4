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

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import com.rabbitmq.client.Channel;

/**
 * Hands out deliveries priority first, and more strictly than DP3's two-buffer reader: a normal
 * task is handed out only when the priority buffer is empty <em>and</em> the priority queue is
 * known to hold no ready message. DP3's reader takes a normal task whenever its priority buffer
 * is momentarily empty, which with both queues full happens between any two prefetch refills.
 * <p>
 * Knowing the queue is empty costs one passive declare (the broker returns the ready count), so
 * it is asked only after a priority delivery has arrived since it was last found empty: while
 * no priority task comes, normal tasks flow with no extra round trip.
 */
final class PriorityDispatcher {

    /** How long to wait for priority messages the broker reported ready before asking again. */
    private static final long EXPECTED_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Object lock = new Object();
    private final ArrayDeque<Delivery> priority = new ArrayDeque<>();
    private final ArrayDeque<Delivery> normal = new ArrayDeque<>();
    private final LongSupplier priorityReadyCount;
    private final boolean hasPriorityQueue;
    private long priorityArrivals; // guarded by lock
    private boolean priorityMaybeReady = true; // guarded by lock
    private boolean closed; // guarded by lock
    // priority messages the broker reported ready and has not pushed yet: while some are expected,
    // a momentarily empty priority buffer means "wait", with no new round trip (guarded by lock)
    private long expectedPriority;
    private long expectedUntilNanos;

    /**
     * @param priorityReadyCount ready messages in the priority queue (0 when it cannot be told)
     * @param hasPriorityQueue   whether there is a priority queue at all (snapshot and control have none)
     */
    PriorityDispatcher(LongSupplier priorityReadyCount, boolean hasPriorityQueue) {
        this.priorityReadyCount = priorityReadyCount;
        this.hasPriorityQueue = hasPriorityQueue;
    }

    void offer(Delivery delivery) {
        synchronized (lock) {
            if (delivery.priority()) {
                priority.add(delivery);
                priorityArrivals++;
                priorityMaybeReady = true;
                if (expectedPriority > 0) {
                    expectedPriority--;
                }
            } else {
                normal.add(delivery);
            }
            lock.notifyAll();
        }
    }

    /** The next delivery to start, priority first; {@code null} once closed. */
    Delivery next() throws InterruptedException {
        while (true) {
            long arrivalsBeforeCheck;
            synchronized (lock) {
                while (!closed && priority.isEmpty() && normal.isEmpty()) {
                    lock.wait();
                }
                if (closed) {
                    return null;
                }
                if (!priority.isEmpty()) {
                    return priority.poll();
                }
                if (!hasPriorityQueue || !priorityMaybeReady) {
                    return normal.poll();
                }
                if (expectedPriority > 0) {
                    long left = expectedUntilNanos - System.nanoTime();
                    if (left > 0) {
                        lock.wait(Math.max(1, left / 1_000_000));
                        continue;
                    }
                    expectedPriority = 0; // they did not come (taken elsewhere?): ask the broker again
                }
                arrivalsBeforeCheck = priorityArrivals;
            }
            long ready = priorityReadyCount.getAsLong(); // a broker round trip: outside the lock
            synchronized (lock) {
                if (ready <= 0) {
                    if (priorityArrivals == arrivalsBeforeCheck) {
                        priorityMaybeReady = false;
                    }
                } else {
                    expectedPriority = ready;
                    expectedUntilNanos = System.nanoTime() + EXPECTED_WAIT_NANOS;
                }
            }
        }
    }

    /** Drops buffered deliveries of a closed channel: the broker requeues and redelivers them. */
    void discardFrom(Channel channel) {
        synchronized (lock) {
            priority.removeIf(d -> d.channel() == channel);
            normal.removeIf(d -> d.channel() == channel);
        }
    }

    /** Deliveries buffered and not yet handed out. */
    int buffered() {
        synchronized (lock) {
            return priority.size() + normal.size();
        }
    }

    void close() {
        synchronized (lock) {
            closed = true;
            priority.clear();
            normal.clear();
            lock.notifyAll();
        }
    }

    void reopen() {
        synchronized (lock) {
            closed = false;
            priorityMaybeReady = true;
            expectedPriority = 0;
        }
    }
}
