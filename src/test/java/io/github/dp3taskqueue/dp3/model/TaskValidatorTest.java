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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.dp3taskqueue.dp3.config.Dp3Config;
import io.github.dp3taskqueue.dp3.task.Refusal;
import io.github.dp3taskqueue.dp3.time.Dp3Time;
import io.github.dp3taskqueue.testing.TestData;

/** The validator's messages and the Java values of validated data points. */
class TaskValidatorTest {

    private static final TaskValidator VALIDATOR = new TaskValidator(
            Dp3Config.read(TestData.dir("model/config")).dataModel());

    private static ValidatedTask valid(String json) {
        return VALIDATOR.validate(json.getBytes(StandardCharsets.UTF_8), "the task");
    }

    private static Object value(String etype, String eid, String attr, String v) {
        return valid("{\"etype\":\"" + etype + "\",\"eid\":" + eid + ",\"data_points\":[{\"etype\":\"" + etype
                + "\",\"eid\":" + eid
                + ",\"attr\":\"" + attr + "\",\"v\":" + v + "}]}").points().get(0).v();
    }

    @Test
    void theFourTasksDp3DropsAreRefusedWithEveryProblemNamed() {
        String body = "{\"etype\":\"host\",\"eid\":\"192.0.2.10\",\"data_points\":[{\"etype\":\"host\","
                + "\"eid\":\"192.0.2.10\",\"attr\":\"colour\",\"v\":\"red\"},{\"etype\":\"host\","
                + "\"eid\":\"192.0.2.10\",\"attr\":\"port_count\",\"v\":\"eighty\"},{\"etype\":\"host\","
                + "\"eid\":\"192.0.2.10\",\"attr\":\"label\",\"v\":\"x\"},{\"etype\":\"host\","
                + "\"eid\":\"192.0.2.10\",\"attr\":\"traffic\",\"v\":{\"packets\":[1],\"bytes\":[2]},"
                + "\"t1\":\"2024-05-01T12:00:00Z\"}]}";
        assertThatThrownBy(() -> valid(body))
                .isInstanceOf(RefusedTaskException.class)
                .hasMessageContaining("the task is refused by DP3's data model, 5 problems")
                .hasMessageContaining("data point 0 (host.colour): Value error, Attribute 'colour' not found in entity "
                        + "'host'")
                .hasMessageContaining(
                        "data point 1 (host.port_count): Input should be a valid integer, unable to parse "
                                + "string as an integer [int_parsing], got 'eighty'")
                .hasMessageContaining("data point 2 (host.label), t1: Field required [missing]")
                .hasMessageContaining(
                        "data point 2 (host.label), t2: Input should be a valid datetime [datetime_type], "
                                + "got None")
                .hasMessageContaining(
                        "data point 3 (host.traffic): Assertion failed, Difference of t1 and t2 is invalid")
                // the problems themselves keep pydantic's locations
                .satisfies(e -> assertThat(((RefusedTaskException) e).problems()).extracting(Problem::loc)
                        .containsExactly(List.of("data_points", 0), List.of("data_points", 1, "v"),
                                List.of("data_points", 2, "t1"), List.of("data_points", 2, "t2"),
                                List.of("data_points", 3)))
                // and what an operator counts them by
                .satisfies(e -> assertThat(((RefusedTaskException) e).refusals()).extracting(Refusal::item,
                        Refusal::etype, Refusal::eid, Refusal::attr, Refusal::reason).containsExactly(
                                tuple("data point 0", "host", "192.0.2.10", "colour", "value_error"),
                                tuple("data point 1", "host", "192.0.2.10", "port_count", "int_parsing"),
                                tuple("data point 2", "host", "192.0.2.10", "label", "missing"),
                                tuple("data point 2", "host", "192.0.2.10", "label", "datetime_type"),
                                tuple("data point 3", "host", "192.0.2.10", "traffic", "assertion_error")));
    }

    @Test
    void aBodyDp3CannotParseNamesThePythonException() {
        assertThatThrownBy(() -> valid("{\"etype\":\"host\",\"eid\":\"192.0.2.10\",\"data_points\":[5]}"))
                .isInstanceOfSatisfying(RefusedTaskException.class,
                        e -> assertThat(e.pythonException()).isEqualTo("TypeError"))
                .hasMessageContaining("DP3's worker would raise TypeError");
        assertThatThrownBy(() -> valid("{\"etype\":\"autsys\",\"eid\":1e400,\"delete\":true}"))
                .isInstanceOfSatisfying(RefusedTaskException.class,
                        e -> assertThat(e.pythonException()).isEqualTo("OverflowError"));
        assertThatThrownBy(() -> valid("{\"etype\":\"host\",\"eid\":\"192.0.2.10\",\"data_points\":[5]}"))
                .satisfies(e -> assertThat(((RefusedTaskException) e).refusals())
                        .containsExactly(new Refusal("the task", "host", "192.0.2.10", null, null, "TypeError")));
        assertThatThrownBy(() -> valid("{\"etype\":"))
                .satisfies(e -> assertThat(((RefusedTaskException) e).refusals())
                        .containsExactly(new Refusal("the task", null, null, null, null, "json_invalid")));
    }

    @Test
    void aBodyThatIsNotJsonIsSaidInWordsWhereAndWhy() {
        assertThatThrownBy(() -> valid("{\"etype\":\"host\",\"eid\":\"192.0.2.10\",\"data_points\":[}"))
                .isInstanceOf(RefusedTaskException.class)
                .hasMessage("the task is not JSON: at column 51: a value was expected (a string in double quotes, a "
                        + "number, true, false, null, [ or {)")
                .hasMessageNotContaining("REDACTED").hasMessageNotContaining("character -1");
        assertThatThrownBy(() -> valid("{\"etype\":\"host\"\n \"eid\":1}"))
                .hasMessage("the task is not JSON: at line 2, column 2: a comma or a closing } or ] was expected");
    }

    @Test
    void validatedValuesAreJavaObjects() {
        assertThat(value("host", "\"192.0.2.10\"", "port_count", "\"007\"")).isEqualTo(7L);
        assertThat(value("host", "\"192.0.2.10\"", "port_count", "18446744073709551616"))
                .isEqualTo(BigInteger.TWO.pow(64));
        assertThat(value("host", "\"192.0.2.10\"", "score", "\"1e-3\"")).isEqualTo(0.001);
        assertThat(value("host", "\"192.0.2.10\"", "up", "\"yes\"")).isEqualTo(true);
        assertThat(value("host", "\"192.0.2.10\"", "gateway", "3221225985")).isEqualTo("192.0.2.1");
        assertThat(value("host", "\"192.0.2.10\"", "hw_addr", "\"AA-BB-CC-DD-EE-FF\"")).isEqualTo("aa:bb:cc:dd:ee:ff");
        assertThat(value("host", "\"192.0.2.10\"", "first_seen", "\"2024-05-01T12:00:00+02:00\""))
                .isEqualTo(new Dp3Time(LocalDateTime.parse("2024-05-01T12:00:00"), 7200))
                .satisfies(t -> assertThat(((Dp3Time) t).toOffsetDateTime())
                        .isEqualTo(OffsetDateTime.parse("2024-05-01T12:00:00+02:00")));
        assertThat(value("host", "\"192.0.2.10\"", "first_seen", "\"2024-05-01 12:00\""))
                .isEqualTo(new Dp3Time(LocalDateTime.parse("2024-05-01T12:00:00"), null));
        assertThat(value("host", "\"192.0.2.10\"", "first_seen", "\"2024-05-01T12:00:00+23:59\"")).hasToString(
                "2024-05-01T12:00:00+23:59");
        assertThat(value("host", "\"192.0.2.10\"", "meta", "\"{\\\"a\\\":1}\"")).isInstanceOf(JsonNode.class)
                .hasToString("{\"a\":1}");
        assertThat(value("host", "\"192.0.2.10\"", "ports", "[\"1\",2]")).isEqualTo(List.of(1L, 2L));
        assertThat(value("host", "\"192.0.2.10\"", "geo", "{\"lon\":14,\"lat\":\"50\",\"country\":\"CZ\",\"x\":1}"))
                .isEqualTo(Map.of("country", "CZ", "lat", 50.0, "lon", 14.0));
        assertThat(value("host", "\"192.0.2.10\"", "nic", "{\"eid\":\"00-11-22-33-44-55\",\"data\":\"eth0\"}"))
                .isEqualTo(new Composite.LinkValue("00:11:22:33:44:55", "eth0", true));
        assertThat(value("service", "\"svc\"", "proto", "6.0")).isEqualTo(6L);
    }

    @Test
    void dp3sOwnBytesAndRoutingKeyForACanonicalisedTask() {
        ValidatedTask task = valid(
                "{\"etype\":\"host6\",\"eid\":\"2001:DB8:0:0:0:0:0:1\",\"data_points\":[{\"etype\":\"host6\","
                        + "\"eid\":\"2001:db8::1\",\"attr\":\"prefix_len\",\"v\":\"48\",\"t1\":\"2024-05-01 "
                        + "14:00:00+02:00\",\"c\":\"0.5\","
                        + "\"src\":null,\"extra\":1}],\"tags\":[],\"unknown\":true}");
        assertThat(task.routingKey()).isEqualTo("host6:2001:db8::1");
        assertThat(new String(task.message(), StandardCharsets.UTF_8))
                .isEqualTo("{\"etype\":\"host6\",\"eid\":\"2001:db8::1\","
                        + "\"data_points\":[{\"etype\":\"host6\",\"eid\":\"2001:db8::1\",\"attr\":\"prefix_len\","
                        + "\"v\":48,\"c\":0.5,"
                        + "\"t1\":\"2024-05-01T14:00:00+02:00\"}]}");
    }

    /** Edge cases found by comparing with DP3's own code on generated cases (answers are DP3's). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "up|18446744073709551616|bool_type",
            "up|1e300|bool_type",
            "up|1e16|bool_parsing",
            "up|0.5|bool_type",
            "port_count|1e20|int_parsing_size",
            "first_seen|\"2024-05-01T12:00:00+24:00\"|datetime_from_date_parsing",
    })
    void edgeCasesAsDp3(String attr, String v, String type) {
        assertThatThrownBy(() -> value("host", "\"192.0.2.10\"", attr, v)).isInstanceOfSatisfying(
                RefusedTaskException.class,
                e -> assertThat(e.problems()).extracting(Problem::type).containsExactly(type));
    }

    @Test
    void anIntCategoryLooksAHugeIntUpAsA64BitInt() {
        assertThatThrownBy(() -> value("service", "\"svc\"", "proto", "18446744073709551616"))
                .isInstanceOfSatisfying(RefusedTaskException.class,
                        e -> assertThat(e.problems()).extracting(Problem::type).containsExactly("int_parsing_size"));
    }
}
