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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.github.dp3taskqueue.testing.Documents;

/**
 * The README is the entrance: short, and every page of {@code docs/} can be reached from it by
 * following links; every relative link of the documents names a file that exists, and a
 * {@code #fragment} a heading of it.
 */
class DocumentsTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$", Pattern.MULTILINE);

    @Test
    void theReadmeIsAnEntranceOfAtMost200Lines() {
        assertThat(Documents.text(Documents.README).lines().count()).isLessThanOrEqualTo(200);
    }

    @Test
    void everyPageOfDocsIsReachableFromTheReadme() {
        Set<Path> reached = new HashSet<>();
        Deque<Path> next = new ArrayDeque<>(List.of(Documents.README.normalize()));
        while (!next.isEmpty()) {
            Path page = next.poll();
            if (!reached.add(page) || !page.toString().endsWith(".md")) {
                continue;
            }
            for (String target : relativeLinks(page)) {
                Path linked = resolve(page, target);
                if (Files.isDirectory(linked)) {
                    linked = linked.resolve("README.md");
                }
                if (Files.isRegularFile(linked)) {
                    next.add(linked.normalize());
                }
            }
        }
        assertThat(Documents.docsPages()).allSatisfy(
                page -> assertThat(reached).as("docs page reachable from README.md").contains(page.normalize()));
    }

    @Test
    void everyRelativeLinkNamesAFileAndAHeadingThatExist() {
        List<String> broken = new ArrayList<>();
        for (Path document : Documents.all()) {
            for (String target : relativeLinks(document)) {
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String fragment = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path linked = file.isEmpty() ? document : resolve(document, file);
                if (!Files.exists(linked)) {
                    broken.add(document + ": " + target + " (no such file)");
                } else if (fragment != null && linked.toString().endsWith(".md")
                        && !anchors(Documents.text(linked)).contains(fragment)) {
                    broken.add(document + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    private static List<String> relativeLinks(Path document) {
        List<String> links = new ArrayList<>();
        Matcher link = LINK.matcher(Documents.text(document));
        while (link.find()) {
            String target = link.group(1);
            if (!target.matches("[a-z]+:.*")) {
                links.add(target);
            }
        }
        return links;
    }

    private static Path resolve(Path document, String target) {
        Path parent = document.toAbsolutePath().getParent();
        return Path.of("").toAbsolutePath().relativize(parent.resolve(target).normalize());
    }

    /** GitHub's anchors of a Markdown page's headings. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        Matcher heading = HEADING.matcher(markdown.replaceAll("(?s)```.*?```", ""));
        while (heading.find()) {
            anchors.add(heading.group(1).trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-'));
        }
        return anchors;
    }
}
