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
package io.github.dp3taskqueue.dp3.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON-lines body as its non-blank lines, each named by its line number in the file it came
 * from: blank lines count, and a body that is one part of a larger file (a split group) starts at
 * the number given (the header {@code CamelDp3FirstLineNumber}). So an error names the line an
 * editor shows.
 */
public final class JsonLines {

    /** One non-blank line and its number in the file. */
    record Line(String text, long number) {
        String name() {
            return "line " + number;
        }

        byte[] bytes() {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    private JsonLines() {
    }

    static List<Object> of(byte[] bytes, long firstLine) {
        long number = firstLine;
        List<Object> lines = new ArrayList<>();
        for (String line : (Iterable<String>) new String(bytes, StandardCharsets.UTF_8).lines()::iterator) {
            if (!line.isBlank()) {
                lines.add(new Line(line, number));
            }
            number++;
        }
        return lines;
    }

    /** How an item of a body is named in errors: a line by its number, any other item by its index from 0. */
    static String name(Object item, int index) {
        return item instanceof Line line ? line.name() : "item " + index;
    }

    /**
     * The number of the first line of group {@code index} (from 0) when a file is split into groups of
     * {@code size} lines, as {@code split: tokenize: {token: "\n", group: size}} does: for
     * {@code CamelDp3FirstLineNumber} in a route, {@code method: {beanType:
     * io.github.dp3taskqueue.dp3.codec.JsonLines, method: "firstLineOfGroup(${exchangeProperty.CamelSplitIndex},
     * 500)"}}.
     */
    public static long firstLineOfGroup(long index, long size) {
        return index * size + 1;
    }
}
