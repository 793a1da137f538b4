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
package io.github.dp3taskqueue.dp3.time;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Dp3TimeTest {

    @ParameterizedTest
    @CsvSource({
            "2024-05-01T12:00:00Z, 2024-05-01T12:00:00Z",
            "2024-05-01T12:00:00+00:00, 2024-05-01T12:00:00Z",
            "2024-05-01T12:00:00.123Z, 2024-05-01T12:00:00.123000Z",
            "2024-05-01T12:00:00.123456Z, 2024-05-01T12:00:00.123456Z",
            "2024-05-01T12:00:00.000Z, 2024-05-01T12:00:00Z",
            "2024-05-01T12:00:00+02:00, 2024-05-01T12:00:00+02:00",
            "2024-05-01T12:00:00+0200, 2024-05-01T12:00:00+02:00",
            "2024-05-01T12:00:00+23:59, 2024-05-01T12:00:00+23:59",
            "2024-05-01 12:00:00, 2024-05-01T12:00:00",
            "2024-05-01_12:00:00, 2024-05-01T12:00:00",
            "2024-05-01T12:00, 2024-05-01T12:00:00",
            "2024-05-01, 2024-05-01T00:00:00",
            "2024-05-01t12:00:00z, 2024-05-01T12:00:00Z",
            "2024-05-01T12:00:00-00:00, 2024-05-01T12:00:00Z",
            "2024-05-01T12:00:00.000001-05:30, 2024-05-01T12:00:00.000001-05:30",
            "2024-05-01T12:00:00.1234567Z, 2024-05-01T12:00:00.123456Z",
            "'2024-05-01T12:00:00,5Z', 2024-05-01T12:00:00.500000Z",
            "2024-05-01T12:00:00.000000, 2024-05-01T12:00:00",
            "2024-05-01T12:00:00.000000+01:00, 2024-05-01T12:00:00+01:00",
            "2024-02-29T23:59:59.999999, 2024-02-29T23:59:59.999999",
    })
    void readsAsPydanticAndWritesAsDp3(String in, String out) {
        assertThat(Dp3Time.parse(in)).hasToString(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "yesterday", "2024-05-01T25:00:00",
            "2024-05-01T12:00:00+24:00", "2024-05-01T12:00:00+02", "2024-05-01T12", "0000-01-01T00:00:00", ""})
    void refusesWhatPydanticRefuses(String in) {
        assertThat(Dp3Time.parse(in)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"0, 1970-01-01T00:00:00Z", "1714564800, 2024-05-01T12:00:00Z",
            "1714564800.5, 2024-05-01T12:00:00.500000Z",
            "1714564800000, 2024-05-01T12:00:00Z", "-1.5, 1969-12-31T23:59:58.500000Z"})
    void readsUnixTimesAsPydantic(double in, String out) {
        assertThat(Dp3Time.ofUnix(in)).hasToString(out);
    }

    /** isWritten says "already DP3's form" exactly when writing the value again gives the text itself. */
    @ParameterizedTest
    @CsvSource({
            "2024-05-01T12:00:00Z, true", "2024-05-01T12:00:00z, false", "2024-05-01t12:00:00Z, false",
            "2024-05-01 12:00:00Z, false", "2024-05-01T12:00Z, false", "2024-05-01T12:00:00.123456Z, true",
            "2024-05-01T12:00:00.123Z, false", "2024-05-01T12:00:00.1234567Z, false",
            "2024-05-01T12:00:00.000000Z, false", "2024-05-01T12:00:00+02:00, true",
            "2024-05-01T12:00:00+00:00, false", "2024-05-01T12:00:00-00:00, false", "2024-05-01T12:00:00+0200, false",
            "2024-05-01T12:00:00.000001-05:30, true",
            "2024-05-01T12:00:00, true", "2024-05-01T12:00:00.500000, true", "2024-05-01T12:00:00.5, false",
    })
    void aTextIsWrittenAsItselfOnlyInDp3sForm(String text, boolean written) {
        assertThat(Dp3Time.isWritten(text, true)).isEqualTo(written);
        assertThat(Dp3Time.parse(text).toString().equals(text)).as("the written form is the text itself")
                .isEqualTo(written);
        boolean naive = text.length() == 19 || text.length() == 26;
        assertThat(Dp3Time.isWritten(text, false)).as("when naive values are given Z").isEqualTo(written && !naive);
    }
}
