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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The project's documents: the README, the component page and every page of {@code docs/}. */
public final class Documents {

    public static final Path README = Path.of("README.md");
    public static final Path COMPONENT_PAGE = Path.of("src/main/docs/dp3-taskqueue-component.adoc");

    private Documents() {
    }

    /** The README, the component page, then the pages of docs/ (Markdown), in a stable order. */
    public static List<Path> all() {
        List<Path> documents = new ArrayList<>(List.of(README, COMPONENT_PAGE));
        documents.addAll(docsPages());
        return documents;
    }

    /** Every Markdown page below docs/. */
    public static List<Path> docsPages() {
        try (Stream<Path> walk = Files.walk(Path.of("docs"))) {
            return walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(Path document) {
        try {
            return Files.readString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document's text, joined (for what may stand in any of them). */
    public static String allText() {
        StringBuilder out = new StringBuilder();
        all().forEach(document -> out.append(text(document)).append('\n'));
        return out.toString();
    }
}
