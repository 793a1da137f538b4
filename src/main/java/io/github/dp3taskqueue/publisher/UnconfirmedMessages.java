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
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The messages written on the current channel and not yet confirmed, by publish sequence number. */
final class UnconfirmedMessages {

    private final ConcurrentNavigableMap<Long, PendingMessage> bySequence = new ConcurrentSkipListMap<>();

    void put(long sequence, PendingMessage pending) {
        bySequence.put(sequence, pending);
    }

    /** Takes out the message of {@code sequence}, or every one up to it when the broker confirmed {@code multiple}. */
    List<PendingMessage> take(long sequence, boolean multiple) {
        if (multiple) {
            Map<Long, PendingMessage> head = bySequence.headMap(sequence, true);
            List<PendingMessage> done = new ArrayList<>(head.values());
            head.clear();
            return done;
        }
        PendingMessage one = bySequence.remove(sequence);
        return one == null ? List.of() : List.of(one);
    }

    /** A return comes before its confirm: remember why, so the confirm fails the exchange as unroutable. */
    void returned(String messageId, String reason) {
        for (PendingMessage pending : bySequence.values()) {
            if (pending.properties.getMessageId().equals(messageId)) {
                pending.returnedReason = reason;
                return;
            }
        }
    }

    /** Takes out every message, in publish order. */
    List<PendingMessage> takeAll() {
        List<PendingMessage> all = new ArrayList<>(bySequence.values());
        bySequence.clear();
        return all;
    }

    int size() {
        return bySequence.size();
    }
}
