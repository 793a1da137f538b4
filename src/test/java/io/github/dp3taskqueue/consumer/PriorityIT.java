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

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.dp3taskqueue.testing.PriorityScenarios;
import io.github.dp3taskqueue.testing.TestBroker;

/** The two priority measurements of the consumer; their figures are printed. */
@ExtendWith(TestBroker.class)
class PriorityIT {

    private static final int PREFETCH = 50;

    @Test
    void preFilledLastPriorityTaskStartsWithinTheFirst2000PlusPrefetch() throws Exception {
        int lastPriority = PriorityScenarios.lastPriorityPosition(PREFETCH);
        System.out.printf("priority-prefilled: last priority task started at position %d of 4000 (limit %d)%n",
                lastPriority, 2000 + PREFETCH);
        assertThat(lastPriority).isLessThanOrEqualTo(2000 + PREFETCH);
    }

    /**
     * Once a priority task has reached the consumer, no normal task starts before it, at any speed.
     * (The time the broker takes to push it is the broker's; the benchmark measures it, in
     * normal tasks started between the publish confirm and the start: {@code priority-arrival}.)
     */
    @Test
    void aPriorityTaskThatReachedTheConsumerStartsBeforeAnyFurtherNormalTask() throws Exception {
        for (int concurrency : new int[]{1, 4}) {
            int worst = PriorityScenarios.maxNormalStartedAfterPriorityArrived(concurrency, 10);
            System.out.printf(
                    "priority-arrival (concurrentConsumers=%d): at most %d normal tasks started between a priority "
                            + "task's arrival at the consumer and its start%n",
                    concurrency, worst);
            assertThat(worst).isZero();
        }
    }
}
