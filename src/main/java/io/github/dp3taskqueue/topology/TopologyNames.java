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
package io.github.dp3taskqueue.topology;

import io.github.dp3taskqueue.dp3.task.TaskKind;

/**
 * The names of a DP3 application's exchanges and queues (PROTOCOL.md §1). Each exchange name
 * can be overridden; queue names follow DP3's pattern from the application name unless the
 * consumer overrides them.
 *
 * @param application      the DP3 application name
 * @param mainExchange     {@code APP-main-task-exchange}
 * @param priorityExchange {@code APP-priority-task-exchange}
 * @param snapshotExchange {@code APP-main-snapshot-exchange}
 * @param controlExchange  {@code APP-control-exchange}
 */
public record TopologyNames(String application, String mainExchange, String priorityExchange,
        String snapshotExchange, String controlExchange) {

    /** DP3's names for {@code application}, with any non-null override taking the place of the default. */
    public static TopologyNames of(String application, String mainExchange, String priorityExchange,
            String snapshotExchange, String controlExchange) {
        return new TopologyNames(application,
                mainExchange != null ? mainExchange : application + "-main-task-exchange",
                priorityExchange != null ? priorityExchange : application + "-priority-task-exchange",
                snapshotExchange != null ? snapshotExchange : application + "-main-snapshot-exchange",
                controlExchange != null ? controlExchange : application + "-control-exchange");
    }

    public static TopologyNames of(String application) {
        return of(application, null, null, null, null);
    }

    /** The exchange a task of this kind is published to. */
    public String exchangeFor(TaskKind kind, boolean priority) {
        return switch (kind) {
            case DATAPOINT -> priority ? priorityExchange : mainExchange;
            case SNAPSHOT -> snapshotExchange;
            case CONTROL -> controlExchange;
        };
    }

    /** {@code APP-worker-i}: normal data-point tasks, bounded. */
    public String normalQueue(int worker) {
        return application + "-worker-" + worker;
    }

    /** {@code APP-worker-i-pri}: priority data-point tasks. */
    public String priorityQueue(int worker) {
        return application + "-worker-" + worker + "-pri";
    }

    public String snapshotQueue(int worker) {
        return application + "-worker-" + worker + "-snapshots";
    }

    public String controlQueue(int worker) {
        return application + "-worker-" + worker + "-control";
    }

    /** Worker {@code i}'s (normal) queue of tasks of this kind. */
    public String workerQueue(TaskKind kind, int worker) {
        return switch (kind) {
            case DATAPOINT -> normalQueue(worker);
            case SNAPSHOT -> snapshotQueue(worker);
            case CONTROL -> controlQueue(worker);
        };
    }

    /** The queue bound to {@code exchange} with routing key {@code worker}, as DP3 binds them. */
    public String queueBoundTo(String exchange, int worker) {
        if (exchange.equals(priorityExchange)) {
            return priorityQueue(worker);
        }
        if (exchange.equals(snapshotExchange)) {
            return snapshotQueue(worker);
        }
        if (exchange.equals(controlExchange)) {
            return controlQueue(worker);
        }
        return normalQueue(worker);
    }

    /** The routing key of worker {@code i}: its index in decimal. */
    public static String routingKey(int worker) {
        return Integer.toString(worker);
    }
}
