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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** A queue is probed once per interval in the JVM, however many endpoints watch it. */
class QueueProbesTest {

    private final AtomicLong clock = new AtomicLong();
    private final QueueProbes probes = new QueueProbes(clock::get);
    private final List<String> probed = new ArrayList<>();

    private Map<String, QueueState> probe(List<String> queues) {
        Map<String, QueueState> states = new LinkedHashMap<>();
        for (String queue : queues) {
            probed.add(queue);
            states.put(queue, new QueueState(queue, probed.size(), 1, null, Instant.EPOCH, null));
        }
        return states;
    }

    @Test
    void endpointsSharingAQueueProbeItOncePerInterval() {
        Duration interval = Duration.ofSeconds(10);
        // a producer of both workers and the consumer of worker 1, on the same broker
        List<QueueState> producer = probes.states("b", List.of("w0", "w1"), interval, (q, p) -> probe(q));
        List<QueueState> consumer = probes.states("b", List.of("w1"), interval, (q, p) -> probe(q));
        assertThat(probed).containsExactly("w0", "w1");
        assertThat(consumer.get(0)).isSameAs(producer.get(1));

        clock.addAndGet(interval.toNanos());
        probes.states("b", List.of("w1"), interval, (q, p) -> probe(q));
        probes.states("b", List.of("w0", "w1"), interval, (q, p) -> probe(q));
        assertThat(probed).containsExactly("w0", "w1", "w1", "w0");
        assertThat(probes.probes()).isEqualTo(4);
        assertThat(probes.last("b", "w1").ready()).isEqualTo(3);

        // another broker's queue of the same name is another queue
        probes.states("other", List.of("w1"), interval, (q, p) -> probe(q));
        assertThat(probed).hasSize(5);
    }

    @Test
    void theProbeIsToldTheLastStateSoThatWhatIsKnownNeedNotBeAskedAgain() {
        Duration interval = Duration.ofSeconds(1);
        probes.states("b", List.of("w0"), interval, (q, p) -> probe(q));
        clock.addAndGet(interval.toNanos());
        List<QueueState> seen = new ArrayList<>();
        probes.states("b", List.of("w0"), interval, (q, previous) -> {
            seen.add(previous.apply("w0"));
            return probe(q);
        });
        assertThat(seen).extracting(QueueState::ready).containsExactly(1L);
    }
}
