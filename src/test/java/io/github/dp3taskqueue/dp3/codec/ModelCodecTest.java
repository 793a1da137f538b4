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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.dp3taskqueue.dp3.config.Dp3Config;
import io.github.dp3taskqueue.dp3.model.RefusedTaskException;
import io.github.dp3taskqueue.dp3.task.DataPoint;
import io.github.dp3taskqueue.dp3.task.DataPointTask;
import io.github.dp3taskqueue.dp3.task.TaskKind;
import io.github.dp3taskqueue.testing.TestData;

/** What a consumer with configDir hands its route: DP3's own reading of the task, with the validated values. */
class ModelCodecTest {

    private static final TaskCodec CODEC = TaskCodec.forTasks(TaskKind.DATAPOINT,
            Dp3Config.read(TestData.dir("model/config")).dataModel());

    @Test
    void anAcceptedBodyBecomesTheTaskAsDp3ReadsIt() {
        byte[] body = ("{\"etype\":\"host\",\"eid\":3221225994,\"data_points\":[{\"etype\":\"host\","
                + "\"eid\":\"192.0.2.10\","
                + "\"attr\":\"open_port\",\"v\":\"443\",\"t1\":1714564800,\"c\":\"0.5\",\"src\":\"scan\"},"
                + "{\"etype\":\"host\",\"eid\":\"192.0.2.10\",\"attr\":\"ports\",\"v\":[\"22\",80]}],"
                + "\"ttl_tokens\":{\"a\":0}}")
                .getBytes(StandardCharsets.UTF_8);
        DataPointTask task = (DataPointTask) CODEC.decode(body);
        assertThat(task.hashKey()).isEqualTo("host:192.0.2.10");
        DataPoint port = task.dataPoints().get(0);
        assertThat(port.eid().textValue()).isEqualTo("192.0.2.10");
        assertThat(port.v().longValue()).isEqualTo(443);
        assertThat(port.value()).isEqualTo(443L);
        assertThat(port.c().doubleValue()).isEqualTo(0.5);
        assertThat(port.t1().textValue()).isEqualTo("2024-05-01T12:00:00Z");
        assertThat(port.t2()).isNull();
        assertThat(port.src().textValue()).isEqualTo("scan");
        assertThat(task.dataPoints().get(1).value()).isEqualTo(List.of(22L, 80L));
        assertThat(task.dataPoints().get(1).v()).hasToString("[22,80]");
        assertThat(task.ttlTokens()).containsEntry("a", "1970-01-01T00:00:00Z");
    }

    @Test
    void aBodyDp3RefusesThrowsItsProblems() {
        byte[] body = "{\"etype\":\"host\",\"eid\":\"192.0.2.10\",\"delete\":2}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CODEC.decode(body)).isInstanceOf(RefusedTaskException.class)
                .hasMessageContaining("the delivered task is refused").hasMessageContaining("delete");
    }
}
