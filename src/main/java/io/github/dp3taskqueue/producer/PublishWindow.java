package io.github.dp3taskqueue.producer;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The window of published and not yet confirmed messages (back-pressure): a publisher waits for
 * a free place while the broker is slow, but not when the producer stops, nor for longer than
 * {@code queueFullTimeout} while the broker blocks publishing or cannot be reached.
 */
final class PublishWindow {

    private static final long POLL_MILLIS = 100;

    private final Semaphore places;
    private final long timeoutNanos;

    PublishWindow(int size, long timeoutNanos) {
        this.places = new Semaphore(size);
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
        try {
            while (!places.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
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
            return new IllegalStateException(
                    "interrupted while waiting for the confirm window; the task was not published", e);
        }
    }

    /** Why a message cannot be published now (blocked, unreachable), or {@code null}. */
    interface Stall {
        RuntimeException error(OutgoingMessage message, long waitedMillis, boolean written);
    }

    void release(int count) {
        places.release(count);
    }
}
