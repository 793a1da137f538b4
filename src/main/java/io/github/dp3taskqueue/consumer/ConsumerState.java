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

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a consumer holds now, for gauges and the dev console.
 *
 * @param prefetched   deliveries taken from the broker and not started (buffered, or waiting behind a task
 *                     of their entity)
 * @param running      tasks in the route now
 * @param delayed      failed tasks held for {@code requeueDelay} before they are requeued
 * @param acksHeld     acks of completed tasks held to go with later ones ({@code ackBatchSize})
 * @param lastDelivery when the last delivery arrived, or {@code null}
 * @param lastLane     the lane of the last delivery ({@code priority}, {@code normal}, ...), or {@code null}
 */
public record ConsumerState(int prefetched, int running, int delayed, int acksHeld, Instant lastDelivery,
        String lastLane) {

    /** The counts a consumer keeps as its tasks move (the rest is asked of its parts). */
    static final class Counts {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger delayed = new AtomicInteger();
        volatile long lastDeliveryMillis;
        volatile String lastLane;

        void delivered(String lane) {
            lastDeliveryMillis = System.currentTimeMillis();
            lastLane = lane;
        }

        Instant lastDelivery() {
            long last = lastDeliveryMillis;
            return last == 0 ? null : Instant.ofEpochMilli(last);
        }
    }
}
