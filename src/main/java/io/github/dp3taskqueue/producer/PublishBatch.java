package io.github.dp3taskqueue.producer;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The messages of one Camel exchange. It completes once, when the last message is confirmed or
 * has failed, on the completion executor: never on amqp-client's connection thread, which must
 * stay free to read the confirms that release the window.
 */
final class PublishBatch {

    private final AtomicInteger remaining;
    private final Consumer<Throwable> onDone;
    private final Executor completions;
    private volatile Throwable failure;

    PublishBatch(int size, Consumer<Throwable> onDone, Executor completions) {
        this.remaining = new AtomicInteger(size);
        this.onDone = onDone;
        this.completions = completions;
    }

    void messageDone(Throwable error) {
        if (error != null && failure == null) {
            failure = error;
        }
        if (remaining.decrementAndGet() == 0) {
            Throwable result = failure;
            completions.execute(() -> onDone.accept(result));
        }
    }
}
