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
package io.github.dp3taskqueue.console;

import java.util.Collection;
import java.util.Map;

/**
 * The console's JSON as indented text: {@code key: value} lines, a map or list under its key, each
 * element of a list after a dash.
 */
final class TextForm {

    private static final String INDENT = "    ";

    private TextForm() {
    }

    static void append(StringBuilder out, Map<?, ?> map, int depth) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object value = entry.getValue();
            out.append(INDENT.repeat(depth)).append(entry.getKey()).append(':');
            if (value instanceof Map<?, ?> nested) {
                out.append(nested.isEmpty() ? " none\n" : "\n");
                append(out, nested, depth + 1);
            } else if (value instanceof Collection<?> list) {
                out.append(list.isEmpty() ? " none\n" : "\n");
                append(out, list, depth + 1);
            } else {
                out.append(' ').append(value).append('\n');
            }
        }
    }

    private static void append(StringBuilder out, Collection<?> list, int depth) {
        for (Object element : list) {
            if (element instanceof Map<?, ?> map) {
                out.append(INDENT.repeat(depth)).append("-\n");
                append(out, map, depth + 1);
            } else {
                out.append(INDENT.repeat(depth)).append("- ").append(element).append('\n');
            }
        }
    }
}
