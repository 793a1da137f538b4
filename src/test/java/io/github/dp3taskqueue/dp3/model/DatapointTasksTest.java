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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.dp3taskqueue.dp3.config.Dp3Config;
import io.github.dp3taskqueue.dp3.routing.Dp3Hash;
import io.github.dp3taskqueue.testing.TestData;

/**
 * Every case of {@code dp3/model/datapoint-tasks.jsonl} (made by DP3's own code): the verdict, the
 * written bytes, the routing key and hash, and for refusals the location and type of every error.
 * {@code -Ddp3.model.cases=FILE} runs another file of the same form.
 */
class DatapointTasksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyCaseAsDp3() throws IOException {
        TaskValidator validator = new TaskValidator(Dp3Config.read(TestData.dir("model/config")).dataModel());
        String other = System.getProperty("dp3.model.cases");
        Path file = other == null ? TestData.dir("model/datapoint-tasks.jsonl") : Path.of(other);
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode c = JSON.readTree(line);
            tests.add(DynamicTest.dynamicTest(c.path("id").asText() + " " + c.path("why").asText(),
                    () -> check(validator, c)));
        }
        return tests.stream();
    }

    private static void check(TaskValidator validator, JsonNode c) {
        byte[] input = c.get("input").asText().getBytes(StandardCharsets.UTF_8);
        if (c.get("accepted").asBoolean()) {
            ValidatedTask task = validator.validate(input, "the task");
            String written = new String(task.message(), StandardCharsets.UTF_8);
            assertThat(task.routingKey()).isEqualTo(c.get("routing_key").asText());
            assertThat(Dp3Hash.hash(task.routingKey())).isEqualTo(c.get("hash").asInt());
            JsonNode message = c.get("message");
            if (message == null || message.isNull()) {
                // DP3's serialiser fails (array<mac>): what we write must be accepted by DP3 as it is
                assertThat(written).contains("\"v\":[\"");
                assertThat(validator.validate(task.message(), "again").message()).isEqualTo(task.message());
            } else if (!written.equals(message.asText())) {
                // DP3 drops a v that validated to null, and then refuses its own message; we keep it
                assertThat(written.replace(",\"v\":null", "").replace(",\"v\":\"null\"", ""))
                        .isEqualTo(message.asText());
                assertThat(validator.validate(task.message(), "again").message()).isEqualTo(task.message());
            }
            return;
        }
        try {
            validator.validate(input, "the task");
        } catch (RefusedTaskException e) {
            String exception = c.path("exception").asText("ValidationError");
            assertThat(e.pythonException()).as(e.getMessage()).isEqualTo(exception);
            if (exception.equals("ValidationError")) {
                List<String> expected = new ArrayList<>();
                c.get("errors").forEach(err -> expected.add(err.get("loc") + " " + err.get("type").asText()));
                List<String> actual = e.problems().stream().map(p -> JSON.valueToTree(p.loc()) + " " + p.type())
                        .toList();
                assertThat(actual).as(e.getMessage()).isEqualTo(expected);
            }
            return;
        }
        throw new AssertionError(
                "accepted, but DP3 refuses it: " + c.path("error").asText(c.path("exception").asText()));
    }
}
