package io.github.dp3taskqueue.dp3.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.dp3taskqueue.dp3.task.InvalidTaskException;

class Dp3DateTimeTest {

    @ParameterizedTest
    @CsvSource({
            "2024-05-01T12:00:00Z, 2024-05-01T12:00:00Z",
            "2024-05-01T12:00:00+00:00, 2024-05-01T12:00:00Z",
            "2024-05-01T12:00:00.123Z, 2024-05-01T12:00:00.123000Z",
            "2024-05-01T12:00:00.123456Z, 2024-05-01T12:00:00.123456Z",
            "2024-05-01T12:00:00.000Z, 2024-05-01T12:00:00Z",
            "2024-05-01T12:00:00+02:00, 2024-05-01T12:00:00+02:00",
            "2024-05-01 12:00:00, 2024-05-01T12:00:00",
            "2024-05-01T12:00, 2024-05-01T12:00:00",
            "2024-05-01, 2024-05-01T00:00:00",
            "2024-05-01t12:00:00z, 2024-05-01T12:00:00Z",
            "2024-05-01T12:00:00-00:00, 2024-05-01T12:00:00Z",
            "2024-05-01T12:00:00.000001-05:30, 2024-05-01T12:00:00.000001-05:30",
            "2024-05-01T12:00:00.1234567Z, 2024-05-01T12:00:00.123456Z",
            "2024-05-01T12:00:00.000000, 2024-05-01T12:00:00",
            "2024-05-01T12:00:00.000000+01:00, 2024-05-01T12:00:00+01:00",
            "2024-02-29T23:59:59.999999, 2024-02-29T23:59:59.999999",
    })
    void canonicalForm(String in, String out) {
        assertThat(Dp3DateTime.canonical(in, "t1")).isEqualTo(out);
    }

    @Test
    void refusesNonDatetimes() {
        assertThatThrownBy(() -> Dp3DateTime.canonical("2023-02-29T00:00:00Z", "t1")).hasMessageContaining("t1");
        assertThatThrownBy(() -> Dp3DateTime.canonical("2024-13-01T00:00:00Z", "t1"))
                .isInstanceOf(InvalidTaskException.class).hasMessageContaining("t1 must be an ISO 8601 datetime");
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
        assertThat(Dp3DateTime.isWritten(text, true)).isEqualTo(written);
        assertThat(Dp3DateTime.canonical(text, "t1").equals(text)).as("canonical gives the text itself")
                .isEqualTo(written);
        boolean naive = text.length() == 19 || text.length() == 26;
        assertThat(Dp3DateTime.isWritten(text, false)).as("when naive values are given Z").isEqualTo(written && !naive);
    }
}
