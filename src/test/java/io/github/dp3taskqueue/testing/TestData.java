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
package io.github.dp3taskqueue.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.dp3taskqueue.dp3.task.TaskKind;

/** The DP3 test data (a copy of ../shared/dp3) on the test class path. */
public final class TestData {

    private TestData() {
    }

    public static Path dir(String name) {
        try {
            return Path.of(TestData.class.getResource("/dp3/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of a TSV file without its header line, each split on tabs. */
    public static List<String[]> tsv(String name) {
        try {
            return Files.readAllLines(dir(name)).stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t", -1))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] message(String file) {
        try {
            return Files.readAllBytes(dir("messages/" + file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TaskKind kindOf(String file) {
        if (file.startsWith("DataPointTask")) {
            return TaskKind.DATAPOINT;
        }
        return file.startsWith("Snapshot") ? TaskKind.SNAPSHOT : TaskKind.CONTROL;
    }
}
