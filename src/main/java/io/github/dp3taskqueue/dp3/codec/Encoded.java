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
package io.github.dp3taskqueue.dp3.codec;

import java.util.List;

import io.github.dp3taskqueue.dp3.routing.Destination;
import io.github.dp3taskqueue.dp3.task.InvalidTaskException;
import io.github.dp3taskqueue.dp3.task.Refusal;

/**
 * What a body is to be published as.
 *
 * @param tasks   the tasks in publish order
 * @param invalid  the items refused, each {@code item N: reason} or {@code line N: reason}; empty
 *                 unless the body was encoded with {@code skipInvalid}
 * @param refusals what DP3's model refused in those items
 */
public record Encoded(List<EncodedTask> tasks, List<String> invalid, List<Refusal> refusals) {

    private static final int LISTED = 20;

    public Encoded {
        tasks = List.copyOf(tasks);
        invalid = List.copyOf(invalid);
        refusals = List.copyOf(refusals);
    }

    /** Every task of a body, none refused. */
    public static Encoded of(List<EncodedTask> tasks) {
        return new Encoded(tasks, List.of(), List.of());
    }

    /** One task DP3's way: its bytes and its workers. */
    public record EncodedTask(byte[] message, Destination destination) {
    }

    /** A batch's tasks, or the refusal of the whole batch that names its invalid items. */
    static Encoded settle(int size, List<EncodedTask> tasks, List<String> invalid, List<Refusal> refusals,
            boolean skipInvalid) {
        if (!invalid.isEmpty() && !skipInvalid) {
            throw new InvalidTaskException("the batch of " + size + " tasks was refused, nothing published; "
                    + invalid.size() + " invalid: "
                    + String.join("; ", invalid.subList(0, Math.min(LISTED, invalid.size())))
                    + (invalid.size() > LISTED ? "; ..." : ""), refusals);
        }
        return new Encoded(tasks, invalid, refusals);
    }
}
