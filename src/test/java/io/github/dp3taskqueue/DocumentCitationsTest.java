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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.github.dp3taskqueue.testing.Documents;

/**
 * The contract documents the code cites are in the repository ({@code docs/PROTOCOL.md},
 * {@code docs/MODEL.md}), and every "PROTOCOL.md §n" or "MODEL.md §n.m" in the sources, the
 * documents and the route files names a section that exists there.
 */
class DocumentCitationsTest {

    private static final Pattern CITATION = Pattern.compile("(PROTOCOL|MODEL)\\.md([^\\n]{0,40})");
    private static final Pattern SECTION = Pattern.compile("(?:§ ?|section )(\\d+(?:\\.\\d+)?)");
    private static final Pattern HEADING = Pattern.compile("^#{2,3} (\\d+(?:\\.\\d+)?)[. ]", Pattern.MULTILINE);

    private static Set<String> sections(String document) throws IOException {
        Set<String> sections = new HashSet<>();
        Matcher heading = HEADING.matcher(Files.readString(Path.of("docs", document)));
        while (heading.find()) {
            sections.add(heading.group(1));
        }
        return sections;
    }

    @Test
    void everyCitedSectionExists() throws IOException {
        Set<String> protocol = sections("PROTOCOL.md");
        Set<String> model = sections("MODEL.md");
        assertThat(protocol).contains("1", "6");
        assertThat(model).contains("1", "3.5", "5");
        List<Path> files = new ArrayList<>(Documents.all());
        for (String root : List.of("src/main/java", "src/test/java", "routes")) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        List<String> dangling = new ArrayList<>();
        int cited = 0;
        for (Path file : files) {
            Matcher citation = CITATION.matcher(Files.readString(file));
            while (citation.find()) {
                // the sections right after the name: "MODEL.md §2–§4", "PROTOCOL.md section 4"
                String after = citation.group(2).split("[;:)]|\\. ", 2)[0];
                Matcher section = SECTION.matcher(after);
                while (section.find()) {
                    cited++;
                    Set<String> known = citation.group(1).equals("PROTOCOL") ? protocol : model;
                    if (!known.contains(section.group(1))) {
                        dangling.add(file + ": " + citation.group(1) + ".md §" + section.group(1));
                    }
                }
            }
        }
        assertThat(cited).as("citations found").isGreaterThan(20);
        assertThat(dangling).as("citations of sections that docs/ does not have").isEmpty();
    }
}
