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
package io.github.dp3taskqueue.dp3.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.dp3taskqueue.dp3.task.InvalidTaskException;
import io.github.dp3taskqueue.dp3.task.Task;
import io.github.dp3taskqueue.dp3.task.TaskKind;
import io.github.dp3taskqueue.testing.TestData;

class TaskJsonTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String roundTrip(TaskKind kind, String json) {
        return TaskJsonWriter.toJson(TaskJsonReader.read(kind, utf8(json)));
    }

    @Test
    void everyDp3MessageReSerialisesToTheIdenticalBytes() {
        List<String[]> index = TestData.tsv("messages/INDEX.tsv");
        assertThat(index).hasSize(9);
        for (String[] row : index) {
            byte[] body = TestData.message(row[0]);
            Task task = TaskJsonReader.read(TestData.kindOf(row[0]), body);
            assertThat(TaskJsonWriter.toBytes(task)).as(row[0]).isEqualTo(body);
        }
    }

    @Test
    void keysNotGivenStayOmittedAndDefaultsAreLeftOut() {
        assertThat(roundTrip(TaskKind.DATAPOINT,
                "{\"eid\":\"x\",\"etype\":\"e\",\"tags\":[],\"delete\":false,\"unknown\":1,"
                        + "\"data_points\":[{\"attr\":\"a\",\"etype\":\"e\",\"eid\":\"x\",\"v\":null}]}"))
                .isEqualTo(
                        "{\"etype\":\"e\",\"eid\":\"x\",\"data_points\":[{\"etype\":\"e\",\"eid\":\"x\","
                                + "\"attr\":\"a\",\"v\":null}]}");
    }

    @Test
    void writesAsPydanticDoes() {
        String in = "{ \"etype\" : \"e\", \"eid\": 5, \"data_points\": [ {\"etype\":\"e\",\"eid\":5,\"attr\":\"a\","
                + "\"v\":{\"k\":[1, 2.50, 1E16, 1e-7, 0.00001, 123456789012345678901234567890, "
                + "\"\\u00e9\\n\\u0001\\\"/\"]},"
                + "\"c\":1,\"t1\":\"2024-05-01T12:00:00+00:00\",\"t2\":\"2024-05-01 14:00:00.5+02:00\"}]}";
        assertThat(roundTrip(TaskKind.DATAPOINT, in)).isEqualTo(
                "{\"etype\":\"e\",\"eid\":5,\"data_points\":[{\"etype\":\"e\",\"eid\":5,\"attr\":\"a\","
                        + "\"v\":{\"k\":[1,2.5,1e+16,1e-7,0.00001,123456789012345678901234567890,"
                        + "\"é\\n\\u0001\\\"/\"]},"
                        + "\"c\":1.0,\"t1\":\"2024-05-01T12:00:00Z\",\"t2\":\"2024-05-01T14:00:00.500000+02:00\"}]}");
    }

    @Test
    void snapshotAndControlDefaults() {
        assertThat(roundTrip(TaskKind.SNAPSHOT, "{\"time\":\"2024-05-01T12:00:00Z\"}"))
                .isEqualTo("{\"entities\":[],\"time\":\"2024-05-01T12:00:00Z\",\"type\":\"task\",\"final\":false}");
        assertThat(roundTrip(TaskKind.CONTROL, "{\"action\":\"refresh_module_config\"}"))
                .isEqualTo("{\"action\":\"refresh_module_config\",\"kwargs\":{}}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"etype\":\"e\",\"eid\":\"x\"}|no data points, no TTL tokens and no delete",
            "{\"etype\":\"e\",\"eid\":\"x\",\"data_points\":[]}|no data points",
            "{\"eid\":\"x\",\"delete\":true}|missing the key 'etype'",
            "{\"etype\":\"e\",\"delete\":true}|missing the key 'eid'",
            "{\"etype\":3,\"eid\":\"x\",\"delete\":true}|etype must be a string",
            "{\"etype\":\"e\",\"eid\":[1],\"delete\":true}|eid must be a string or a number",
            "{\"etype\":\"e\",\"eid\":\"x\",\"delete\":\"yes\"}|delete must be true or false",
            "{\"etype\":\"e\",\"eid\":\"x\",\"data_points\":{}}|data_points must be a JSON array",
            "{\"etype\":\"e\",\"eid\":\"x\",\"data_points\":[{\"etype\":\"e\",\"eid\":\"x\"}]}|missing the key 'attr'",
            "{\"etype\":\"e\",\"eid\":\"x\",\"data_points\":[{\"etype\":\"e\",\"eid\":\"x\",\"attr\":\"a\","
                    + "\"t1\":\"yesterday\"}]}|t1 must be an ISO 8601 datetime",
            "{\"etype\":\"e\",\"eid\":\"x\",\"data_points\":[{\"etype\":\"e\",\"eid\":\"x\",\"attr\":\"a\","
                    + "\"c\":\"high\"}]}|c (confidence) must be a number",
            "[1,2]|must be a JSON object",
            "{\"etype\":\"e\"|not JSON",
            "{\"etype\":\"e\",\"eid\":\"x\",\"delete\":true} x|not JSON",
    })
    void invalidTasksAreRefusedWithANamedProblem(String json, String message) {
        assertThatThrownBy(() -> TaskJsonReader.read(TaskKind.DATAPOINT, utf8(json)))
                .isInstanceOf(InvalidTaskException.class).hasMessageContaining(message);
    }

    @Test
    void invalidUtf8AndEmptyBodiesAreRefused() {
        assertThatThrownBy(
                () -> TaskJsonReader.read(TaskKind.DATAPOINT, new byte[]{'{', '"', (byte) 0xC3, '"', ':', '1', '}'}))
                .isInstanceOf(InvalidTaskException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> TaskJsonReader.read(TaskKind.DATAPOINT, new byte[0]))
                .isInstanceOf(InvalidTaskException.class).hasMessageContaining("empty");
    }

    @Test
    void snapshotAndControlValidation() {
        assertThatThrownBy(() -> roundTrip(TaskKind.SNAPSHOT, "{\"entities\":[]}")).hasMessageContaining("'time'");
        assertThatThrownBy(() -> roundTrip(TaskKind.SNAPSHOT, "{\"time\":\"2024-05-01T12:00:00Z\",\"type\":\"x\"}"))
                .hasMessageContaining("Snapshot type must be one of");
        assertThatThrownBy(() -> roundTrip(TaskKind.CONTROL, "{\"action\":\"reboot\"}"))
                .hasMessageContaining("action must be one of");
    }
}
