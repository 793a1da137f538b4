package io.github.dp3taskqueue.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FloatFormatTest {

    @ParameterizedTest
    @CsvSource({
        // value, pydantic JSON, Python repr
        "1.0, 1.0, 1.0",
        "0.1, 0.1, 0.1",
        "42.5, 42.5, 42.5",
        "1e16, 1e+16, 1e+16",
        "1e15, 1000000000000000.0, 1000000000000000.0",
        "0.0001, 0.0001, 0.0001",
        "0.00001, 0.00001, 1e-05",
        "0.000001, 1e-6, 1e-06",
        "1.5e-7, 1.5e-7, 1.5e-07",
        "123456789012345680000, 1.2345678901234568e+20, 1.2345678901234568e+20",
        "5e-324, 5e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308, 1.7976931348623157e+308",
        "0.30000000000000004, 0.30000000000000004, 0.30000000000000004",
        "2e22, 2e+22, 2e+22",
        "-2.5, -2.5, -2.5",
    })
    void shortestDigitsInBothLayouts(String value, String ryu, String python) {
        double d = Double.parseDouble(value);
        assertThat(FloatFormat.json(d)).isEqualTo(ryu);
        assertThat(FloatFormat.python(d)).isEqualTo(python);
        assertThat(FloatFormat.json(new BigDecimal(value))).isEqualTo(ryu);
    }
}
