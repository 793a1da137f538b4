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

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import io.github.dp3taskqueue.dp3.task.Refusal;

class RefusalsTest {

    private final List<String> counted = new ArrayList<>();
    private final Refusals refusals = new Refusals(
            (side, etype, attr, reason, src) -> counted.add(String.join(" ", side, etype, attr, reason, src)));

    private static Refusal refusal(String src, String reason) {
        return new Refusal("data point 0", "host", "192.0.2.10", "hostname", src, reason);
    }

    @Test
    void countsByAttributeAndBySourceAndKeepsTheLastTwenty() {
        for (int i = 0; i < 25; i++) {
            refusals.record(Refusals.Side.API, List.of(refusal("nerd", "string_type")));
        }
        refusals.record(Refusals.Side.CONSUMER, List.of(new Refusal("the task", null, null, null, null, "TypeError")));
        assertThat(refusals.total()).isEqualTo(26);
        assertThat(counted).first().isEqualTo("api host hostname string_type nerd");
        assertThat(counted).last().isEqualTo("consumer none none TypeError none");

        Map<String, Object> described = refusals.describe();
        assertThat(described.get("byAttribute")).asList().first().isEqualTo(
                Map.of("etype", "host", "attr", "hostname", "reason", "string_type", "count", 25L));
        assertThat(described.get("bySrc")).asList().hasSize(2);
        List<?> last = (List<?>) described.get("last");
        assertThat(last).hasSize(20);
        assertThat(last.get(0)).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("side", "consumer")
                .containsEntry("reason", "TypeError");
        assertThat(last.get(1)).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("eid", "192.0.2.10")
                .containsEntry("src", "nerd");
    }

    @Test
    void aSenderChoosingNewSourcesCannotGrowTheCountersBeyondAHundred() {
        for (int i = 0; i < 250; i++) {
            refusals.record(Refusals.Side.PRODUCER, List.of(refusal("sender-" + i, "string_type")));
        }
        assertThat(counted.stream().map(line -> line.substring(line.lastIndexOf(' ') + 1)).distinct())
                .hasSize(Refusals.DISTINCT + 1).contains(Refusals.OTHER);
        assertThat(refusals.describe().get("bySrc")).asList().hasSize(Refusals.DISTINCT + 1).first()
                .isEqualTo(Map.of("src", "other", "count", 150L));
    }
}
