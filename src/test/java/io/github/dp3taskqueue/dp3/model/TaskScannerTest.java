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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.dp3taskqueue.dp3.config.Dp3Config;
import io.github.dp3taskqueue.dp3.json.JsonValues;
import io.github.dp3taskqueue.dp3.json.JsonValues.JsonInvalidException;
import io.github.dp3taskqueue.dp3.time.Dp3Time;
import io.github.dp3taskqueue.testing.TestData;

/**
 * The fast path against the full one: for every body it reads, the same task (values with their Java
 * types, the message bytes); every body it does not read is left to the full path. Run over every
 * case made by DP3's code and over thousands of mutations of them.
 */
class TaskScannerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DataModel MODEL = Dp3Config.read(TestData.dir("model/config")).dataModel();
    private static final TaskValidator FULL = new TaskValidator(MODEL);
    /** What mutations put in or take out: JSON's structure, and values that coerce. */
    private static final String[] PIECES = {" ", "\n", ",", ":", "{", "}", "[", "]", "\"", "\\", "-", "é", "00", ".5",
            "\"t2\":null", "\"c\":1", "\"src\":null", "\"tags\":[]", "\"x\":1,"};
    /** Values put in place of another value. */
    private static final String[] VALUES = {"0", "-0", "1", "-1", "0.5", "1.0", "1e2", "1E-2", "2.50", "true", "false",
            "null", "\"\"", "\"x\"", "\"1\"", "\" 1 \"", "\"true\"", "\"\\u0078\"", "\"é\"", "[]", "[1]", "{}",
            "\"2024-05-01T12:00:00Z\"", "\"2024-05-01T12:00:00\"", "\"2024-05-01T12:00:00.000Z\"",
            "\"2024-05-01 12:00:00+02:00\"", "\"2024-05-01T12:00:00z\"", "\"2024-05-01t12:00:00Z\"",
            "\"2024-05-01T12:00Z\"", "\"2024-05-01T12:00:00.123456Z\"", "\"2024-05-01T12:00:00.1234567Z\"",
            "\"2024-05-01T12:00:00+00:00\"", "\"2024-05-01T12:00:00-00:00\"", "\"2024-05-01T12:00:00+0200\"",
            "\"2024-05-01T12:00:00,5Z\"", "\"2024-05-01T12:00:00.000001+02:00\"", "\"2024-05-01_12:00:00Z\"",
            "1714564800", "1714564800123", "\"2024-05-01\"", "\"192.0.2.10\"",
            "\"192.000.2.10\"", "\"::1\"", "\"0:0:0:0:0:0:0:1\"", "\"AA:BB:CC:DD:EE:FF\"", "\"aa-bb-cc-dd-ee-ff\"",
            "12345678901234567890", "9223372036854775807", "1e400", "\"{}\"", "\"[1,2]\""};
    /** A value in the body: a string that is not a key, a number, a literal. */
    private static final Pattern SCALAR = Pattern
            .compile("\"(?:[^\"\\\\]|\\\\.)*\"(?!\\s*:)|-?\\d[\\d.eE+-]*|true|false|null");

    @Test
    void everyCaseOfDp3IsReadAsTheFullPathReadsItOrLeftToIt() throws IOException {
        int scanned = 0;
        int accepted = 0;
        for (String input : inputs()) {
            if (compare(input.getBytes(StandardCharsets.UTF_8))) {
                scanned++;
            }
            accepted += full(input.getBytes(StandardCharsets.UTF_8)) != null ? 1 : 0;
        }
        // the fast path is worth having only if it takes the common cases: most accepted ones
        assertThat(scanned).as("cases read by the fast path of %d accepted", accepted).isGreaterThan(accepted / 2);
    }

    @Test
    void mutatedCasesAreReadAsTheFullPathReadsThemOrLeftToIt() throws IOException {
        Random random = new Random(13);
        List<String> inputs = withRepeatedPoints(inputs());
        int scanned = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder body = new StringBuilder(inputs.get(random.nextInt(inputs.size())));
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(body.length() + 1);
                switch (random.nextInt(6)) {
                    case 3, 4 -> replaceValue(body, random);
                    case 5 -> replaceDigit(body, random);
                    case 0 -> body.insert(at, PIECES[random.nextInt(PIECES.length)]);
                    case 1 -> body.delete(at, Math.min(body.length(), at + 1 + random.nextInt(4)));
                    default -> body.replace(at, Math.min(body.length(), at + 1),
                            PIECES[random.nextInt(PIECES.length)]);
                }
            }
            scanned += compare(body.toString().getBytes(StandardCharsets.UTF_8)) ? 1 : 0;
        }
        assertThat(scanned).as("mutations read by the fast path").isGreaterThan(300);
    }

    @Test
    void datetimesInEveryFormAreReadAsTheFullPathReadsThem() throws IOException {
        String[] forms = {"2024-05-01T12:00:00Z", "2024-05-01T12:00:00z", "2024-05-01t12:00:00Z",
                "2024-05-01 12:00:00Z", "2024-05-01_12:00:00Z", "2024-05-01T12:00Z", "2024-05-01T12:00:00",
                "2024-05-01T12:00:00.123456Z", "2024-05-01T12:00:00.123Z", "2024-05-01T12:00:00.1234567Z",
                "2024-05-01T12:00:00.000000Z", "2024-05-01T12:00:00,5Z", "2024-05-01T12:00:00+02:00",
                "2024-05-01T12:00:00+00:00", "2024-05-01T12:00:00-00:00", "2024-05-01T12:00:00+0200",
                "2024-05-01T12:00:00.000001-05:30", "2024-05-01T12:00:00+23:59", "2024-05-01", "1714564800"};
        Pattern time = Pattern.compile("\"(t1|t2)\":\"[^\"]*\"");
        int scanned = 0;
        for (String input : inputs()) {
            Matcher m = time.matcher(input);
            while (m.find()) {
                for (String form : forms) {
                    String value = form.matches("\\d+") ? form : "\"" + form + "\"";
                    String body = input.substring(0, m.start()) + "\"" + m.group(1) + "\":" + value
                            + input.substring(m.end());
                    scanned += compare(body.getBytes(StandardCharsets.UTF_8)) ? 1 : 0;
                }
            }
        }
        assertThat(scanned).as("bodies read by the fast path").isGreaterThan(forms.length);
    }

    /** One digit changed: a value of the same length (an eid, a datetime, a number) that differs. */
    private static void replaceDigit(StringBuilder body, Random random) {
        List<Integer> digits = new ArrayList<>();
        for (int i = 0; i < body.length(); i++) {
            if (Character.isDigit(body.charAt(i))) {
                digits.add(i);
            }
        }
        if (!digits.isEmpty()) {
            int at = digits.get(random.nextInt(digits.size()));
            body.setCharAt(at, (char) ('0' + (body.charAt(at) - '0' + 1 + random.nextInt(9)) % 10));
        }
    }

    /** One value of the body (not a key) replaced by another. */
    private static void replaceValue(StringBuilder body, Random random) {
        List<int[]> values = new ArrayList<>();
        Matcher m = SCALAR.matcher(body);
        while (m.find()) {
            values.add(new int[]{m.start(), m.end()});
        }
        if (!values.isEmpty()) {
            int[] at = values.get(random.nextInt(values.size()));
            body.replace(at[0], at[1], VALUES[random.nextInt(VALUES.length)]);
        }
    }

    @Test
    void aBodyInDp3sOwnFormIsItsOwnMessage() {
        byte[] body = ("{\"etype\":\"host\",\"eid\":\"192.0.2.10\",\"data_points\":[{\"etype\":\"host\","
                + "\"eid\":\"192.0.2.10\",\"attr\":\"hostname\",\"src\":\"dns\",\"v\":\"a.example.net\"}],"
                + "\"tags\":[\"x\"]}").getBytes(StandardCharsets.UTF_8);
        ValidatedTask task = TaskScanner.scan(MODEL, body);
        assertThat(task).isNotNull();
        assertThat(task.message()).isEqualTo(body).isNotSameAs(body);
        assertThat(task.message()).isEqualTo(full(body).message());
    }

    @Test
    void whitespaceIsReadButTheMessageIsWrittenAsDp3WritesIt() {
        byte[] body = ("{ \"etype\": \"host\", \"eid\": \"192.0.2.10\", \"data_points\": [{\"etype\": \"host\","
                + "\"eid\": \"192.0.2.10\", \"attr\": \"hostname\", \"v\": \"a.example.net\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        ValidatedTask task = TaskScanner.scan(MODEL, body);
        assertThat(task).isNotNull();
        assertThat(new String(task.message(), StandardCharsets.UTF_8)).isEqualTo("{\"etype\":\"host\","
                + "\"eid\":\"192.0.2.10\",\"data_points\":[{\"etype\":\"host\",\"eid\":\"192.0.2.10\","
                + "\"attr\":\"hostname\",\"v\":\"a.example.net\"}]}");
    }

    private static List<String> inputs() throws IOException {
        List<String> inputs = new ArrayList<>();
        for (String line : Files.readAllLines(TestData.dir("model/datapoint-tasks.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode dp3Case = JSON.readTree(line);
                inputs.add(dp3Case.get("input").asText());
                if (dp3Case.hasNonNull("message")) { // DP3's own form: what the fast path publishes as it is
                    inputs.add(dp3Case.get("message").asText());
                }
            }
        }
        return inputs;
    }

    /**
     * The cases, and each one whose data points are a list again with them twice: DP3's cases have
     * one data point each, and a task that repeats an eid or a datetime is what the fast path's
     * memory of the last ones is for (a mutated digit makes them differ at the same length).
     */
    private static List<String> withRepeatedPoints(List<String> inputs) throws IOException {
        List<String> seeds = new ArrayList<>(inputs);
        for (String input : inputs) {
            JsonNode task;
            try {
                task = JSON.readTree(input);
            } catch (IOException e) {
                continue; // not JSON: a case of its own
            }
            if (task instanceof ObjectNode object && object.get("data_points") instanceof ArrayNode points
                    && !points.isEmpty()) {
                ObjectNode twice = object.deepCopy();
                ((ArrayNode) twice.get("data_points")).addAll(points.deepCopy());
                seeds.add(JSON.writeValueAsString(twice));
            }
        }
        return seeds;
    }

    /** Whether the fast path read the body; when it did, it must have read it as the full path does. */
    private static boolean compare(byte[] body) {
        ValidatedTask fast = TaskScanner.scan(MODEL, body);
        if (fast == null) {
            return false;
        }
        String input = new String(body, StandardCharsets.UTF_8);
        ValidatedTask full = full(body);
        assertThat(full).as("the full path refuses what the fast path read: %s", input).isNotNull();
        assertThat(describe(fast)).as(input).isEqualTo(describe(full));
        assertThat(new String(fast.message(), StandardCharsets.UTF_8)).as(input)
                .isEqualTo(new String(full.message(), StandardCharsets.UTF_8));
        return true;
    }

    /** The full path alone (a tree given to the validator never takes the fast path), or null when refused. */
    private static ValidatedTask full(byte[] body) {
        try {
            return FULL.validate(JsonValues.parse(body), "the task");
        } catch (JsonInvalidException | RefusedTaskException e) {
            return null;
        }
    }

    private static String describe(ValidatedTask task) {
        StringBuilder out = new StringBuilder(task.etype()).append(' ');
        describe(out, task.eid());
        for (ValidatedPoint p : task.points()) {
            out.append(" | ").append(p.attr()).append(' ').append(p.kind()).append(' ');
            for (Object field : new Object[]{p.eid(), p.src(), p.v(), p.c(), p.t1(), p.t2()}) {
                describe(out, field);
                out.append(' ');
            }
        }
        out.append(task.tags()).append(' ').append(task.ttlTokens()).append(' ').append(task.delete());
        return out.toString();
    }

    /** A value with the Java type of every part. */
    private static void describe(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append(value.getClass().getSimpleName()).append('(');
        if (value instanceof List<?> list) {
            list.forEach(item -> describe(out.append(' '), item));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> describe(out.append(' ').append(key).append('='), item));
        } else if (value instanceof JsonNode || value instanceof Dp3Time || value instanceof Composite.LinkValue) {
            ModelJson.value(out, value);
            if (value instanceof Dp3Time time) {
                out.append(time.aware() == time ? "" : " naive");
            }
        } else {
            out.append(value);
        }
        out.append(')');
    }
}
