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
package io.github.dp3taskqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.github.dp3taskqueue.dp3.config.Dp3Config;
import io.github.dp3taskqueue.dp3.model.TaskValidator;
import io.github.dp3taskqueue.dp3.model.ValidatedTask;
import io.github.dp3taskqueue.testing.Documents;

/**
 * The documents' examples work when pasted: they are the files of {@code docs/examples/}, shown
 * verbatim; the task is one DP3 accepts with the example config directory, and the properties
 * files hold no inline comments (a .properties value would keep them).
 */
class DocumentExamplesTest {

    private static final Path EXAMPLES = Path.of("docs", "examples");

    @Test
    void theDocumentsShowTheExampleFilesVerbatim() throws IOException {
        Map<String, Path> shownIn = Map.of("datapoint-task.json", Documents.README,
                "dp3-config/processing_core.yml", Documents.README, "dp3-config/db_entities/ip.yml", Documents.README,
                "dp3.properties", Documents.README, "dp3-api.properties", Path.of("docs/operations.md"),
                "runner-log4j2.properties", Path.of("docs/operations.md"));
        shownIn.forEach((file, document) -> assertThat(Documents.text(document))
                .as("%s shows docs/examples/%s", document, file).contains(Documents.text(EXAMPLES.resolve(file))));
    }

    @Test
    void theExampleTaskIsOneDp3AcceptsWithTheExampleConfigDirectory() throws IOException {
        Dp3Config config = Dp3Config.read(EXAMPLES.resolve("dp3-config"));
        assertThat(config.workerProcesses()).isEqualTo(4);
        assertThat(config.host()).isEqualTo("localhost");
        byte[] task = Files.readString(EXAMPLES.resolve("datapoint-task.json")).trim().getBytes(StandardCharsets.UTF_8);
        ValidatedTask validated = new TaskValidator(config.dataModel()).validate(task, "the README's task");
        // already in DP3's written form: published byte for byte
        assertThat(new String(validated.message(), StandardCharsets.UTF_8))
                .isEqualTo(new String(task, StandardCharsets.UTF_8));
    }

    @Test
    void theExamplePropertiesHaveNoInlineComments() throws IOException {
        for (String file : List.of("dp3.properties", "dp3-api.properties")) {
            Properties properties = new Properties();
            properties.load(new StringReader(Files.readString(EXAMPLES.resolve(file))));
            assertThat(properties).as(file).isNotEmpty();
            properties
                    .forEach((key, value) -> assertThat(value.toString()).as("%s: %s", file, key).doesNotContain("#"));
        }
    }
}
