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
package io.github.dp3taskqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import io.github.dp3taskqueue.dp3.task.ControlMessage;
import io.github.dp3taskqueue.dp3.task.DataPointTask;
import io.github.dp3taskqueue.dp3.task.Snapshot;
import io.github.dp3taskqueue.testing.TestData;

/** The converters are found by Camel itself through the generated loader. */
class TaskTypeConvertersTest {

    @Test
    void camelConvertsTasksToAndFromDp3Json() throws Exception {
        byte[] json = TestData.message("DataPointTask-api-observations.json");
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            var converter = camel.getTypeConverter();
            DataPointTask task = converter.mandatoryConvertTo(DataPointTask.class, json);
            assertThat(task.hashKey()).isEqualTo("bus:333");
            assertThat(converter.mandatoryConvertTo(byte[].class, task)).isEqualTo(json);
            assertThat(converter.mandatoryConvertTo(String.class, task)).isEqualTo(new String(json, "UTF-8"));
            assertThat(converter.mandatoryConvertTo(InputStream.class, task).readAllBytes()).isEqualTo(json);
            assertThat(converter
                    .mandatoryConvertTo(Snapshot.class, new String(TestData.message("Snapshot-task.json"), "UTF-8"))
                    .type())
                    .isEqualTo("task");
            assertThat(converter
                    .mandatoryConvertTo(ControlMessage.class, TestData.message("ControlMessage-make_snapshots.json"))
                    .action())
                    .isEqualTo("make_snapshots");
        }
    }
}
