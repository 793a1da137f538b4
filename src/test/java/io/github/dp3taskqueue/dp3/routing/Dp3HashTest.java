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
package io.github.dp3taskqueue.dp3.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.dp3taskqueue.testing.TestData;

class Dp3HashTest {

    @Test
    void everyHashVectorMatchesForEveryModulus() throws Exception {
        List<String> header = List
                .of(Files.readAllLines(TestData.dir("hash-vectors.tsv")).get(0).split("\t"));
        List<String[]> rows = TestData.tsv("hash-vectors.tsv");
        assertThat(rows).hasSizeGreaterThan(20);
        int checks = 0;
        for (String[] row : rows) {
            String key = new ObjectMapper().readValue(row[0], String.class);
            assertThat(Dp3Hash.hash(key)).as("HASH(%s)", key).isEqualTo(Integer.parseInt(row[header.indexOf("HASH")]));
            for (int column = 0; column < header.size(); column++) {
                if (header.get(column).startsWith("mod")) {
                    int n = Integer.parseInt(header.get(column).substring(3));
                    assertThat(Dp3Hash.worker(key, n)).as("HASH(%s) mod %d", key, n)
                            .isEqualTo(Integer.parseInt(row[column]));
                    checks++;
                }
            }
        }
        assertThat(checks).isGreaterThan(100);
    }

    @Test
    void refusesWorkerCountBelowOne() {
        assertThatThrownBy(() -> Dp3Hash.worker("a", 0)).hasMessageContaining("workers must be >= 1");
    }
}
