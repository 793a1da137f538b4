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

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages of one Camel exchange. It completes once, when the last message is confirmed or
 * has failed, on the completion executor: never on amqp-client's connection thread, which must
 * stay free to read the confirms that release the window. One confirm often ends many exchanges
 * (the broker acks with {@code multiple}), so their completions go to the executor together.
 */
final class PublishBatch {

    private static final Logger LOG = LoggerFactory.getLogger(PublishBatch.class);

    private final AtomicInteger remaining;
    private final AtomicInteger confirmed = new AtomicInteger();
    private final BiConsumer<Throwable, Integer> onDone;
    private final Executor completions;
    private volatile Throwable failure;

    /** @param onDone the first failure or {@code null}, and how many messages the broker confirmed */
    PublishBatch(int size, BiConsumer<Throwable, Integer> onDone, Executor completions) {
        this.remaining = new AtomicInteger(size);
        this.onDone = onDone;
        this.completions = completions;
    }

    /** Records the end of one message and, when it was the last, completes the exchange. */
    void messageDone(Throwable error) {
        Runnable completion = lastMessageDone(error);
        if (completion != null) {
            completions.execute(completion);
        }
    }

    /** Records the end of one message; the exchange's completion when it was the last, else {@code null}. */
    Runnable lastMessageDone(Throwable error) {
        if (error == null) {
            confirmed.incrementAndGet();
        } else if (failure == null) {
            failure = error;
        }
        if (remaining.decrementAndGet() == 0) {
            Throwable result = failure;
            int count = confirmed.get();
            return () -> onDone.accept(result, count);
        }
        return null;
    }

    /** Runs completions one after the other; one exchange's routing failing must not keep the others waiting. */
    static void completeAll(List<Runnable> completions) {
        for (Runnable completion : completions) {
            try {
                completion.run();
            } catch (RuntimeException e) {
                LOG.warn("completing a published exchange failed: {}", e.getMessage(), e);
            }
        }
    }
}
