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
package io.github.dp3taskqueue.publisher;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The window of published and not yet confirmed messages (back-pressure), and the turns in which
 * exchanges of several messages publish: a publisher waits for a free place (or its turn) while the
 * broker is slow, but not when the producer stops, nor for longer than {@code queueFullTimeout}
 * while the broker blocks publishing or cannot be reached.
 * <p>
 * Why turns: exchanges that publish message by message side by side wake each other through the
 * window and the channel's locks, once or more per message, at a CPU cost the broker's cores pay
 * (docs/decisions/publish-turns.md has the measurement). A publisher in its turn waits for the
 * window alone, as a plain amqp-client publisher does.
 */
final class PublishWindow {

    /**
     * Messages per turn: long next to a hand-off (one thread wakes another, about the cost of one
     * publish), short enough that concurrent exchanges interleave within milliseconds.
     */
    static final int TURN = 256;

    private static final long POLL_MILLIS = 100;

    private final int size;
    private final Semaphore places;
    private final ReentrantLock turn = new ReentrantLock(true); // fair: turns go round the waiting exchanges
    private final long timeoutNanos;
    // made once: acquire runs for every message published
    private final Attempt place;
    private final Attempt turnTaken = () -> turn.tryLock(POLL_MILLIS, TimeUnit.MILLISECONDS);

    PublishWindow(int size, long timeoutNanos) {
        this.size = size;
        this.places = new Semaphore(size);
        this.place = () -> places.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS);
        this.timeoutNanos = timeoutNanos;
    }

    /**
     * Takes a place for a message being published since {@code sinceNanos}; returns {@code null}
     * when it got one, else the error the message ends with.
     *
     * @param stopped why the producer no longer publishes, or {@code null} while it runs
     * @param stalled why publishing cannot go on now (for a message that waited so many ms), or {@code null}
     */
    RuntimeException acquire(long sinceNanos, Supplier<RuntimeException> stopped, Stall stalled,
            OutgoingMessage message) {
        return await(place, "the confirm window", sinceNanos, stopped, stalled, message);
    }

    /** A place at once, if there is one free. */
    boolean tryAcquire() {
        return places.tryAcquire();
    }

    /**
     * Takes the turn to publish up to {@link #TURN} messages of an exchange, {@code message}
     * first; as {@link #acquire}. A turn taken ends with {@link #endTurn()}.
     */
    RuntimeException takeTurn(long sinceNanos, Supplier<RuntimeException> stopped, Stall stalled,
            OutgoingMessage message) {
        return await(turnTaken, "its turn to publish", sinceNanos, stopped, stalled, message);
    }

    void endTurn() {
        turn.unlock();
    }

    private RuntimeException await(Attempt attempt, String what, long sinceNanos, Supplier<RuntimeException> stopped,
            Stall stalled, OutgoingMessage message) {
        try {
            while (!attempt.succeeded()) {
                RuntimeException stop = stopped.get();
                if (stop != null) {
                    return stop;
                }
                long waited = System.nanoTime() - sinceNanos;
                if (waited >= timeoutNanos) {
                    RuntimeException stall = stalled.error(message, TimeUnit.NANOSECONDS.toMillis(waited), false);
                    if (stall != null) {
                        return stall;
                    }
                }
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProducerStoppedException.interrupted(what);
        }
    }

    /** One bounded wait for a place or a turn: whether it was got. */
    private interface Attempt {
        boolean succeeded() throws InterruptedException;
    }

    /** Why a message cannot be published now (blocked, unreachable), or {@code null}. */
    interface Stall {
        RuntimeException error(OutgoingMessage message, long waitedMillis, boolean written);
    }

    void release(int count) {
        places.release(count);
    }

    int size() {
        return size;
    }

    /** Places taken now. */
    int used() {
        return size - places.availablePermits();
    }
}
