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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * What the formatter (spotless, checked in the build's validate phase) does not check: lines of at
 * most 120 characters, and no fully qualified class name in code where an import does (it cannot
 * where another class of the same simple name is imported).
 */
class SourceStyleTest {

    private static final int MAX_LINE = 120;
    private static final Pattern INLINE_FQN = Pattern
            .compile("(?<![\\w.\"@])(?:java|javax|org|com|io)\\.(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*");

    private static List<Path> sources() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/test/java")) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
            }
        }
        return files;
    }

    @Test
    void linesAreAtMost120CharactersAndClassesAreImported() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : sources()) {
            List<String> lines = Files.readAllLines(file);
            // a class whose simple name an import already takes for another class must be named in full
            Map<String, String> imported = new HashMap<>();
            for (String line : lines) {
                if (line.startsWith("import ") && !line.startsWith("import static ")) {
                    String name = line.substring(7, line.length() - 1);
                    imported.put(name.substring(name.lastIndexOf('.') + 1), name);
                }
            }
            boolean comment = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String code = line.strip();
                if (line.length() > MAX_LINE) {
                    problems.add(file + ":" + (i + 1) + " has " + line.length() + " characters");
                }
                if (code.startsWith("/*")) {
                    comment = true;
                }
                boolean skip = comment || code.startsWith("*") || code.startsWith("//") || code.startsWith("import ")
                        || code.startsWith("package ");
                if (code.contains("*/")) {
                    comment = false;
                }
                String outsideStrings = code.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
                Matcher fqn = INLINE_FQN.matcher(outsideStrings);
                while (!skip && fqn.find()) {
                    String name = fqn.group();
                    String simple = name.substring(name.lastIndexOf('.') + 1);
                    if (!imported.containsKey(simple) || imported.get(simple).equals(name)) {
                        problems.add(
                                file + ":" + (i + 1) + " names a class by its full name where an import does: " + code);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
