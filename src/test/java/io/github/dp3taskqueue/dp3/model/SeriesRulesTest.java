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
package io.github.dp3taskqueue.dp3.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class SeriesRulesTest {

    @Test
    void aTimeStepTimesALengthIsWhatDurationMultipliedByGives() {
        Random random = new Random(7);
        long[] seconds = {0, 1, -1, 300, 86_400, Long.MAX_VALUE / 3, Long.MIN_VALUE / 5};
        int[] lengths = {0, 1, 3, -2, 1_000_000, Integer.MAX_VALUE};
        for (long s : seconds) {
            for (int n : lengths) {
                Duration step = Duration.ofSeconds(s, random.nextInt(1_000_000_000));
                assertThat(outcome(() -> SeriesRules.times(step, n))).as("%s * %d", step, n)
                        .isEqualTo(outcome(() -> step.multipliedBy(n)));
            }
        }
        for (int i = 0; i < 10_000; i++) {
            Duration step = Duration.ofSeconds(random.nextLong() >> random.nextInt(64), random.nextInt(1_000_000_000));
            int n = random.nextInt() >> random.nextInt(32);
            assertThat(outcome(() -> SeriesRules.times(step, n))).as("%s * %d", step, n)
                    .isEqualTo(outcome(() -> step.multipliedBy(n)));
        }
    }

    @Test
    void anOverflowStaysAnArithmeticException() {
        assertThatThrownBy(() -> SeriesRules.times(Duration.ofSeconds(Long.MAX_VALUE), 2))
                .isInstanceOf(ArithmeticException.class);
    }

    private static Object outcome(Supplier<Duration> product) {
        try {
            return product.get();
        } catch (ArithmeticException e) {
            return ArithmeticException.class;
        }
    }
}
