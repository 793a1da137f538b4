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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.dp3taskqueue.dp3.task.InvalidTaskException;

class IdTypeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "string|\"Abc \"|\"Abc \"",
            "int|7|7",
            "int|\"7\"|7",
            "int|\"-12\"|-12",
            "int|2147483647|2147483647",
            "int|2147483648|2147483648",
            "int|9223372036854775808|9223372036854775808",
            "int|7.0|7",
            "ipv4|\"192.168.0.1\"|\"192.168.0.1\"",
            "ipv4|\"0.0.0.0\"|\"0.0.0.0\"",
            "ipv4|3232235521|\"192.168.0.1\"",
            "ipv6|\"2001:0DB8:0:0:0:0:0:1\"|\"2001:db8::1\"",
            "ipv6|\"::\"|\"::\"",
            "ipv6|\"::1\"|\"::1\"",
            "ipv6|\"1::\"|\"1::\"",
            "ipv6|\"1:0:0:1:0:0:0:1\"|\"1:0:0:1::1\"",
            "ipv6|\"1:0:1:0:1:0:1:0\"|\"1:0:1:0:1:0:1:0\"",
            "ipv6|\"2001:db8:0:0:1:0:0:1\"|\"2001:db8::1:0:0:1\"",
            "ipv6|\"::ffff:192.168.0.1\"|\"::ffff:c0a8:1\"",
            "ipv6|\"1::1.2.3.4\"|\"1::102:304\"",
            "ipv6|\"FE80::1FF:FE23:4567:890A%eth0\"|\"fe80::1ff:fe23:4567:890a%eth0\"",
            "ipv6|\"1:2:3:4:5:6:7::\"|\"1:2:3:4:5:6:7:0\"",
            "mac|\"00-11-22-AA-BB-CC\"|\"00:11:22:aa:bb:cc\"",
            "mac|\"00:11:22:aa:bb:cc\"|\"00:11:22:aa:bb:cc\"",
    })
    void canonicalForms(String type, String input, String expected) throws Exception {
        assertThat(IdType.fromConfigName(type).canonical("e", json(input))).isEqualTo(json(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "string|7",
            "int|\"seven\"",
            "int|7.5",
            "ipv4|\"192.168.00.1\"",
            "ipv4|\"192.168.0.256\"",
            "ipv4|\"192.168.0\"",
            "ipv4|\" 192.168.0.1\"",
            "ipv4|\"1.2.3.4.5\"",
            "ipv6|\"1:2:3:4:5:6:7:8:9\"",
            "ipv6|\"1::2::3\"",
            "ipv6|\":1:2:3:4:5:6:7\"",
            "ipv6|\"12345::\"",
            "ipv6|\"g::1\"",
            "ipv6|\"192.168.0.1\"",
            "ipv6|\"1:2:3:4:5:6:7:8::\"",
            "mac|\"00:11:22:aa:bb\"",
            "mac|\"0011.22aa.bbcc\"",
    })
    void invalidEidsAreRefusedWithTypeValueAndExpectedForm(String type, String input) throws Exception {
        assertThatThrownBy(() -> IdType.fromConfigName(type).canonical("thing", json(input)))
                .isInstanceOf(InvalidTaskException.class)
                .hasMessageContaining("'thing'")
                .hasMessageContaining(input)
                .hasMessageContaining("expected");
    }
}
