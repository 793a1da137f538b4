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
package io.github.dp3taskqueue.observe;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the broker said of one queue at one probe: messages ready, consumers, the length limit of
 * a normal queue ({@code x-max-length}), or why it could not be asked.
 *
 * @param queue     the queue's name
 * @param ready     messages ready (not delivered to a consumer), or {@code -1} when not known
 * @param consumers consumers subscribed, or {@code -1} when not known
 * @param limit     {@code x-max-length}, or {@code null} (none, or not a normal queue, or not known)
 * @param at        when it was asked
 * @param problem   why it could not be asked ({@code null}: it was)
 */
public record QueueState(String queue, long ready, int consumers, Long limit, Instant at, String problem) {

    static QueueState failed(String queue, String problem, Instant at) {
        return new QueueState(queue, -1, -1, null, at, problem);
    }

    /** The same state under the name and lane of the queue as an endpoint uses it. */
    Map<String, Object> describe(WatchedQueue watched) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("queue", queue);
        out.put("worker", watched.worker());
        out.put("lane", watched.lane().label());
        if (problem == null) {
            out.put("ready", ready);
            out.put("consumers", consumers);
            if (limit != null) {
                out.put("limit", limit);
            }
        } else {
            out.put("problem", problem);
        }
        out.put("at", at.toString());
        return out;
    }
}
