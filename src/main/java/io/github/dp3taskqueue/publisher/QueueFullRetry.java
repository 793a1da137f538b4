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

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.dp3taskqueue.topology.TopologyNames;

/**
 * Messages the broker nacked because their worker queue was full, each waiting for its
 * republish. They are tracked so that a stopping producer completes their exchanges too.
 */
final class QueueFullRetry {

    private static final long BACKOFF_MIN_MS = 100;
    private static final long BACKOFF_MAX_MS = 1000;

    private final Set<PendingMessage> waiting = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler;
    private final TopologyNames names;
    private final long timeoutNanos;

    QueueFullRetry(ScheduledExecutorService scheduler, TopologyNames names, long timeoutNanos) {
        this.scheduler = scheduler;
        this.names = names;
        this.timeoutNanos = timeoutNanos;
    }

    /**
     * Runs {@code send} after a back-off that grows with the time the message has waited; returns
     * {@code null}, or the error the message ends with: {@link QueueFullException} once it has
     * waited for {@code queueFullTimeout}, or the producer stopping (the scheduler is shut down).
     */
    RuntimeException later(PendingMessage pending, Consumer<PendingMessage> send) {
        long waited = System.nanoTime() - pending.firstPublishNanos;
        if (waited >= timeoutNanos) {
            OutgoingMessage m = pending.message;
            return new QueueFullException(names.queueBoundTo(m.exchange(), Math.max(m.worker(), 0)), m.exchange(),
                    m.routingKey(), TimeUnit.NANOSECONDS.toMillis(waited));
        }
        long backoff = Math.min(BACKOFF_MAX_MS, Math.max(BACKOFF_MIN_MS, TimeUnit.NANOSECONDS.toMillis(waited) / 4));
        waiting.add(pending);
        try {
            scheduler.schedule(() -> {
                if (waiting.remove(pending)) {
                    send.accept(pending);
                }
            }, backoff, TimeUnit.MILLISECONDS);
            return null;
        } catch (RejectedExecutionException e) {
            return waiting.remove(pending) ? ProducerStoppedException.notPublished() : null;
        }
    }

    int size() {
        return waiting.size();
    }

    /** Takes every waiting message out, so that none is republished afterwards. */
    List<PendingMessage> abandon() {
        List<PendingMessage> taken = new ArrayList<>();
        for (PendingMessage pending : List.copyOf(waiting)) {
            if (waiting.remove(pending)) {
                taken.add(pending);
            }
        }
        return taken;
    }
}
