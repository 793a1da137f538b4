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

import java.util.Locale;

/**
 * A queue an endpoint uses, as its state is shown: the worker it belongs to and its lane.
 *
 * @param queue  the queue's name
 * @param worker the worker index
 * @param lane   which of the worker's queues it is
 */
public record WatchedQueue(String queue, int worker, Lane lane) {

    /** The worker's queues DP3 has, by what travels in them. */
    public enum Lane {
        NORMAL, PRIORITY, SNAPSHOT, CONTROL;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
