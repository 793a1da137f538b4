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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.dp3taskqueue.api.ApiAnswers;
import io.github.dp3taskqueue.dp3.config.Dp3Config;
import io.github.dp3taskqueue.dp3.json.JsonValues;
import io.github.dp3taskqueue.dp3.task.Refusal;
import io.github.dp3taskqueue.testing.TestData;

/**
 * Every case of {@code dp3/model/api-datapoints.jsonl} (made by DP3's own API): for a 200 the task
 * messages DP3's API publishes, in order; for a 422 the {@code loc}, {@code type} and {@code msg}
 * of every error. {@code -Ddp3.api.cases=FILE} runs another file of the same form.
 */
class ApiDataPointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TaskValidator WORKER = new TaskValidator(
            Dp3Config.read(TestData.dir("model/config")).dataModel());

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
            List<ValidatedTask> tasks = api.validate(body, "the request");
            assertThat(tasks).hasSize(c.get("tasks").size());
            for (int i = 0; i < tasks.size(); i++) {
                ValidatedTask task = tasks.get(i);
                String written = new String(task.message(), StandardCharsets.UTF_8);
                // accepted by DP3's worker, with the value DP3's API read from the request
                ValidatedTask again = WORKER.validate(task.message(), "the written task");
                assertThat(DatapointTasksTest.content(again)).as(written).isEqualTo(DatapointTasksTest.content(task));
                JsonNode message = c.get("tasks").get(i).get("message");
                if (!DatapointTasksTest.losesData(WORKER, message, task)) {
                    assertThat(written).as("DP3's own bytes, where they lose nothing").isEqualTo(message.asText());
                }
            }
            List<String> keys = new ArrayList<>();
            c.get("tasks").forEach(t -> keys.add(t.get("routing_key").asText()));
            assertThat(api.validate(body, "again").stream().map(ValidatedTask::routingKey).toList()).isEqualTo(keys);
            return;
        }
        if (status == 500) {
            better500(api, c, body);
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

    /**
     * Where DP3's API answers 500 (MODEL.md §7): data DP3 validated and could not write (an
     * {@code array<mac>}) is published, in a form DP3's worker reads with the same values; data its
     * own code raises on (empty series, naive series times), or that has no UTF-8 form, is refused
     * with a 422 that names the data point and the reason.
     */
    private static void better500(ApiDataPoints api, JsonNode c, JsonNode body) throws IOException {
        String error = c.path("error").asText();
        if (error.startsWith("PydanticSerializationError") && !error.contains("UnicodeEncodeError")) {
            for (ValidatedTask task : api.validate(body, "the request")) {
                ValidatedTask again = WORKER.validate(task.message(), "the written task");
                assertThat(DatapointTasksTest.content(again)).isEqualTo(DatapointTasksTest.content(task));
            }
            return;
        }
        try {
            api.validate(body, "the request");
        } catch (RefusedTaskException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.loc()).hasSize(2).startsWith("body");
                assertThat(p.type()).isEqualTo("value_error");
                assertThat(p.msg()).contains(error.substring(0, error.indexOf(':')));
            });
            JsonNode answer = JSON.readTree(ApiAnswers.unprocessable(e.problems()));
            assertThat(answer.at("/detail/0/loc").get(0).asText()).isEqualTo("body");
            assertThat(answer.at("/detail/0/input").isObject()).isTrue();
            assertThat(e.getMessage()).contains("data point " + e.problems().get(0).loc().get(1));
            return;
        }
        throw new AssertionError("accepted, but neither DP3's API nor its worker can process it: " + error);
    }

    private static JsonNode body(String json) throws JsonValues.JsonInvalidException {
        return JsonValues.parseAsPython(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A NaN that DP3's API would publish as null (its worker then drops the task) goes out as NaN. */
    @Test
    void aNonFiniteFloatIsPublishedSoThatDp3ReadsTheSameFloat() throws Exception {
        ApiDataPoints api = new ApiDataPoints(Dp3Config.read(TestData.dir("model/config")).dataModel());
        ValidatedTask task = api.validate(body("[{\"type\":\"host\",\"id\":\"192.0.2.10\",\"attr\":\"score\","
                + "\"v\":NaN},{\"type\":\"host\",\"id\":\"192.0.2.10\",\"attr\":\"scores\",\"v\":[Infinity,-1e400]}]"),
                "the request").get(0);
        assertThat(new String(task.message(), StandardCharsets.UTF_8)).contains("\"v\":NaN,")
                .contains("\"v\":[Infinity,-Infinity]");
        assertThat(DatapointTasksTest.content(WORKER.validate(task.message(), "again")))
                .isEqualTo(DatapointTasksTest.content(task));
    }

    /** DP3's API answers 500 when a 422's input holds a NaN (JSON has none); here the 422 is strict JSON. */
    @Test
    void a422WhoseInputHoldsANanIsStrictJson() throws Exception {
        ApiDataPoints api = new ApiDataPoints(Dp3Config.read(TestData.dir("model/config")).dataModel());
        try {
            api.validate(body("[{\"type\":\"host\",\"id\":\"192.0.2.10\",\"attr\":\"port_count\",\"v\":NaN},"
                    + "{\"type\":\"host\",\"id\":\"192.0.2.10\",\"attr\":\"score\",\"v\":1,\"c\":Infinity}]"),
                    "the request");
            throw new AssertionError("accepted");
        } catch (RefusedTaskException e) {
            JsonNode answer = new ObjectMapper().readTree(ApiAnswers.unprocessable(e.problems()));
            assertThat(answer.get("detail")).extracting(d -> d.get("type").asText())
                    .containsExactly("finite_number", "less_than_equal");
            assertThat(answer.at("/detail/0/input").asText()).isEqualTo("NaN");
            assertThat(answer.at("/detail/1/input").asText()).isEqualTo("Infinity");
            assertThat(e.described()).containsExactly(
                    "data point 0 (host.port_count): Input should be a finite number [finite_number], got nan",
                    "data point 1 (host.score), c: Input should be less than or equal to 1 [less_than_equal], got inf");
        }
    }

    /** A refusal names the data point, its entity type and attribute, the rule and the value. */
    @Test
    void aRefusalSaysWhereAndWhat() throws Exception {
        ApiDataPoints api = new ApiDataPoints(Dp3Config.read(TestData.dir("model/config")).dataModel());
        try {
            api.validate(body("[{\"type\":\"host\",\"id\":\"192.0.2.10\",\"attr\":\"hostname\",\"v\":\"ok\"},"
                    + "{\"type\":\"host\",\"id\":\"192.0.2.10\",\"attr\":\"hostname\",\"v\":0,\"src\":\"nerd\"}]"),
                    "the data points");
            throw new AssertionError("accepted");
        } catch (RefusedTaskException e) {
            assertThat(e).hasMessage("the data points is refused by DP3's data model, 1 problem: data point 1 "
                    + "(host.hostname): Input should be a valid string [string_type], got 0");
            assertThat(e.problems().get(0).loc()).containsExactly("body", 1, "v");
            assertThat(e.refusals()).containsExactly(
                    new Refusal("data point 1", "host", "192.0.2.10", "hostname", "nerd", "string_type"));
        }
    }

    /** docs/MODEL.md §7 names exactly the requests of the test data where DP3's API loses data or answers 500. */
    @Test
    void modelMdNamesEveryRequestWhereDp3sApiLosesDataOrAnswers500() throws Exception {
        ApiDataPoints api = new ApiDataPoints(Dp3Config.read(TestData.dir("model/config")).dataModel());
        Set<String> losing = new TreeSet<>();
        Set<String> failing = new TreeSet<>();
        for (String line : Files.readAllLines(TestData.dir("model/api-datapoints.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode c = JSON.readTree(line);
            if (c.get("status").asInt() == 500) {
                failing.add(c.get("id").asText());
            } else if (c.get("status").asInt() == 200) {
                List<ValidatedTask> tasks = api.validate(body(c.get("input").asText()), "the request");
                for (int i = 0; i < tasks.size(); i++) {
                    if (DatapointTasksTest.losesData(WORKER, c.get("tasks").get(i).get("message"), tasks.get(i))) {
                        losing.add(c.get("id").asText());
                    }
                }
            }
        }
        assertThat(losing).isEqualTo(DatapointTasksTest.documentedCases("### 7.1", "a-"));
        assertThat(failing).isEqualTo(DatapointTasksTest.documentedCases("### 7.2", "a-"));
    }
}
