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

import java.time.Instant;

/**
 * What a publisher holds now, for gauges and the dev console.
 *
 * @param windowUsed    messages written or waiting and not confirmed, of the confirm window
 * @param windowSize    the confirm window ({@code confirmWindow})
 * @param unconfirmed   messages written to the broker, waiting for its confirm
 * @param held          messages held unwritten while the broker blocks publishing or cannot be reached
 * @param backingOff    messages nacked by a full queue, waiting to be published again
 * @param blockedReason the broker's reason while it blocks publishing, else {@code null}
 * @param blockedSince  since when it blocks, else {@code null}
 * @param lastConfirm   when the broker last confirmed a message, or {@code null}
 */
public record PublisherState(int windowUsed, int windowSize, int unconfirmed, int held, int backingOff,
        String blockedReason, Instant blockedSince, Instant lastConfirm) {
}
