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

import io.github.dp3taskqueue.api.ApiAnswers;
import io.github.dp3taskqueue.dp3.config.Dp3Config;
import io.github.dp3taskqueue.dp3.json.JsonValues;
import io.github.dp3taskqueue.testing.TestData;

/**
 * Every case of {@code dp3/model/api-datapoints.jsonl} (made by DP3's own API): for a 200 the task
 * messages DP3's API publishes, in order; for a 422 the {@code loc}, {@code type} and {@code msg}
 * of every error. {@code -Ddp3.api.cases=FILE} runs another file of the same form.
 */
class ApiDataPointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyCaseAsDp3sApi() throws IOException {
        ApiDataPoints api = new ApiDataPoints(Dp3Config.read(TestData.dir("model/config")).dataModel());
        String other = System.getProperty("dp3.api.cases");
        Path file = other == null ? TestData.dir("model/api-datapoints.jsonl") : Path.of(other);
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode c = JSON.readTree(line);
                tests.add(DynamicTest.dynamicTest(c.path("id").asText() + " " + c.path("why").asText(),
                        () -> check(api, c)));
            }
        }
        return tests.stream();
    }

    private static void check(ApiDataPoints api, JsonNode c) throws IOException {
        int status = c.get("status").asInt();
        JsonNode body;
        try {
            body = JsonValues.parse(c.get("input").asText().getBytes(StandardCharsets.UTF_8));
        } catch (JsonValues.JsonInvalidException e) {
            assertThat(status).isIn(400, 422);
            if (status == 422) {
                assertThat(c.at("/errors/0/type").asText()).isEqualTo("json_invalid");
            }
            return;
        }
        if (status == 200) {
            List<String> written = api.validate(body, "the request").stream()
                    .map(t -> new String(t.message(), StandardCharsets.UTF_8)).toList();
            List<String> expected = new ArrayList<>();
            c.get("tasks").forEach(t -> expected.add(t.get("message").asText()));
            // as in the worker form, a v that validated to null is written (DP3 drops it, then its worker refuses the
            // task)
            assertThat(written.stream().map(m -> m.replace(",\"v\":null", "")).toList()).isEqualTo(expected);
            List<String> keys = new ArrayList<>();
            c.get("tasks").forEach(t -> keys.add(t.get("routing_key").asText()));
            assertThat(api.validate(body, "again").stream().map(ValidatedTask::routingKey).toList()).isEqualTo(keys);
            return;
        }
        try {
            api.validate(body, "the request").forEach(ValidatedTask::message);
        } catch (RefusedTaskException e) {
            if (status == 422) {
                byte[] answer = ApiAnswers.unprocessable(e.problems());
                assertThat(answer).as("a 422 DP3 can write").isNotNull();
                assertThat(JSON.readTree(answer)).isEqualTo(c.get("response"));
                List<String> expected = new ArrayList<>();
                c.get("errors").forEach(err -> expected
                        .add(err.get("loc") + " " + err.get("type").asText() + " " + err.get("msg").asText()));
                List<String> actual = e.problems().stream()
                        .map(p -> JSON.valueToTree(p.loc()) + " " + p.type() + " " + p.msg()).toList();
                assertThat(actual).as(e.getMessage()).isEqualTo(expected);
            }
            return;
        }
        throw new AssertionError("accepted, but DP3's API answers " + status + ": " + c.get("response"));
    }
}
