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

import io.github.dp3taskqueue.TaskQueueException;

/** The producer stopped before a task of the exchange was confirmed; the message says whether it may be queued. */
public class ProducerStoppedException extends TaskQueueException {

    private static final long serialVersionUID = 1L;

    private ProducerStoppedException(String message) {
        super(message);
    }

    /** The task was never written to the broker (or the broker refused it): it is in no queue. */
    static ProducerStoppedException notPublished() {
        return new ProducerStoppedException("the dp3-taskqueue producer is stopped; the task was not published");
    }

    /** The publishing thread was interrupted (the route stops) while it waited: the task is in no queue. */
    static ProducerStoppedException interrupted(String waitingFor) {
        return new ProducerStoppedException("interrupted while waiting for " + waitingFor
                + "; the task was not published");
    }

    /** The task was written and its confirm had not come: the broker may have queued it. */
    static ProducerStoppedException beforeConfirm() {
        return new ProducerStoppedException("the dp3-taskqueue producer stopped before the broker confirmed the task"
                + " (it may be in the queue)");
    }
}
