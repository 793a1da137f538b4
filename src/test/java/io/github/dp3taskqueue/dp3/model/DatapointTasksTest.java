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
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
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
            // what we write is accepted by DP3's parse rules and carries the value DP3 read from the input
            ValidatedTask again = validator.validate(task.message(), "the written task");
            assertThat(content(again)).as(written).isEqualTo(content(task));
            JsonNode message = c.get("message");
            if (!losesData(validator, message, task)) {
                assertThat(written).as("DP3's own bytes, where they lose nothing").isEqualTo(message.asText());
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

    /**
     * Whether DP3's own bytes for the task lose it (MODEL.md §7): DP3 could not write them, or its
     * worker refuses them, or reads another value from them than DP3 read from the input.
     */
    static boolean losesData(TaskValidator validator, JsonNode message, ValidatedTask task) {
        if (message == null || message.isNull()) {
            return true;
        }
        try {
            return !content(validator.validate(message.asText().getBytes(StandardCharsets.UTF_8), "DP3's bytes"))
                    .equals(content(task));
        } catch (RefusedTaskException e) {
            return true;
        }
    }

    /** What a validated task holds, comparable (a NaN equals a NaN). */
    static List<Object> content(ValidatedTask task) {
        // no tags and empty tags are DP3's default alike
        JsonNode tags = task.tags() == null || task.tags().isEmpty() ? null : task.tags();
        // a c given as null and no c are DP3's None alike
        List<ValidatedPoint> points = task.points().stream()
                .map(p -> p.c() instanceof JsonNode c && c.isNull()
                        ? new ValidatedPoint(p.eid(), p.attr(), p.kind(), p.src(), p.v(), null, p.t1(), p.t2())
                        : p)
                .toList();
        return Arrays.asList(task.etype(), task.eid(), points, tags, task.ttlTokens(), task.delete());
    }

    /** The case ids a table of docs/MODEL.md's section {@code heading} names ({@code t-…}, {@code a-…}). */
    static Set<String> documentedCases(String heading, String prefix) throws IOException {
        String model = Files.readString(Path.of("docs/MODEL.md"));
        int from = model.indexOf(heading);
        int to = model.indexOf("\n### ", from + heading.length());
        Matcher id = Pattern.compile("`(" + prefix + "[a-z0-9-]+)`")
                .matcher(model.substring(from, to < 0 ? model.length() : to));
        Set<String> ids = new TreeSet<>();
        while (id.find()) {
            ids.add(id.group(1));
        }
        return ids;
    }

    /** docs/MODEL.md §7.1 names exactly the cases of the test data where DP3's own bytes lose the task. */
    @Test
    void modelMdNamesEveryCaseWhereDp3sBytesLoseTheTask() throws IOException {
        TaskValidator validator = new TaskValidator(Dp3Config.read(TestData.dir("model/config")).dataModel());
        Set<String> losing = new TreeSet<>();
        for (String line : Files.readAllLines(TestData.dir("model/datapoint-tasks.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode c = JSON.readTree(line);
            if (c.get("accepted").asBoolean() && losesData(validator, c.get("message"),
                    validator.validate(c.get("input").asText().getBytes(StandardCharsets.UTF_8), "the task"))) {
                losing.add(c.get("id").asText());
            }
        }
        assertThat(losing).hasSize(12).isEqualTo(documentedCases("### 7.1", "t-"));
    }
}
