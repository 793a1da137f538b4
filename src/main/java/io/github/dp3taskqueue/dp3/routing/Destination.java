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
package io.github.dp3taskqueue.dp3.routing;

import java.util.stream.IntStream;

import io.github.dp3taskqueue.dp3.task.ControlMessage;
import io.github.dp3taskqueue.dp3.task.Snapshot;
import io.github.dp3taskqueue.dp3.task.Task;

/**
 * Which of DP3's workers a task goes to (PROTOCOL.md §3): the worker its key hashes to, worker 0,
 * or every worker.
 *
 * @param rule    how the worker is chosen
 * @param hashKey the key hashed with {@link Dp3Hash} when {@code rule} is {@link Rule#HASHED}
 */
public record Destination(Rule rule, String hashKey) {

    /** DP3's three ways of choosing workers. */
    public enum Rule {
        /** {@code HASH(key) mod workers}: data point tasks, snapshot tasks */
        HASHED,
        /** worker 0: {@code make_snapshots} */
        WORKER_ZERO,
        /** every worker: snapshot run markers and linked entities, the other control actions */
        EVERY_WORKER
    }

    /** The worker {@code key} hashes to. */
    public static Destination hashed(String key) {
        return new Destination(Rule.HASHED, key);
    }

    /**
     * DP3's rule for the task: it broadcasts snapshot run markers and control refreshes, sends
     * {@code make_snapshots} to worker 0, and hashes everything else by {@link Task#hashKey()}.
     */
    public static Destination of(Task task) {
        if (task instanceof Snapshot s && !"task".equals(s.type())) {
            return new Destination(Rule.EVERY_WORKER, null);
        }
        if (task instanceof ControlMessage c) {
            return new Destination("make_snapshots".equals(c.action()) ? Rule.WORKER_ZERO : Rule.EVERY_WORKER, null);
        }
        return hashed(task.hashKey());
    }

    /** The worker indexes among {@code workers} workers, in publish order. */
    public int[] workers(int workers) {
        return switch (rule) {
            case HASHED -> new int[]{Dp3Hash.worker(hashKey, workers)};
            case WORKER_ZERO -> new int[]{0};
            case EVERY_WORKER -> IntStream.range(0, workers).toArray();
        };
    }
}
