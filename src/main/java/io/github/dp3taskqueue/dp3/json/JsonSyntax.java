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
package io.github.dp3taskqueue.dp3.json;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Why a text is not JSON, in words and where: Python's {@code json} scanner followed closely
 * enough to give its first error and position (DP3's API answers with them), and the line
 * and column a person looks for ({@link #describe}).
 */
public final class JsonSyntax {

    /**
     * Python's first error: its reason ({@code Expecting ',' delimiter}) and the index of the
     * character it is at.
     */
    public record Error(String reason, int index) {
    }

    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int pos;

        Refused(String reason, int pos) {
            super(reason, null, false, false);
            this.pos = pos;
        }
    }

    private final String s;
    private int i;

    private JsonSyntax(String s) {
        this.s = s;
    }

    /** Python's first error in {@code text}, or {@code null} when Python's {@code json} reads it. */
    public static Error firstError(String text) {
        try {
            new JsonSyntax(text).document();
            return null;
        } catch (Refused e) {
            return new Error(e.getMessage(), e.pos);
        }
    }

    /**
     * Why the bytes are not JSON, for a person: {@code Expecting ',' delimiter at line 1, column 23},
     * {@code not UTF-8 text}; {@code null} when Python reads them (what DP3's worker refuses beyond
     * that, a byte order mark or a lone surrogate, its reader says).
     */
    public static String describe(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return "it is not UTF-8 text";
        }
        Error error = firstError(text);
        if (error == null) {
            return null;
        }
        int pos = Math.min(error.index(), text.length());
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < pos; k++) {
            if (text.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        String at = pos >= text.strip().length() && error.reason().startsWith("Expecting")
                ? "the text ends too early"
                : "at " + (line > 1 ? "line " + line + ", " : "") + "column " + (pos - lineStart + 1);
        return at + ": " + words(error.reason());
    }

    /** Python's reason said for a person who does not know Python's scanner. */
    private static String words(String reason) {
        return switch (reason) {
            case "Expecting value" -> "a value was expected (a string in double quotes, a number, true, false, "
                    + "null, [ or {)";
            case "Expecting property name enclosed in double quotes" -> "a key in double quotes was expected";
            case "Expecting ',' delimiter" -> "a comma or a closing } or ] was expected";
            case "Expecting ':' delimiter" -> "a colon after the key was expected";
            case "Unterminated string starting at" -> "a string starts here and is never closed";
            case "Invalid control character at" -> "a string holds a control character (a line break, a tab) "
                    + "that JSON needs escaped";
            case "Invalid \\escape" -> "a backslash escape that JSON does not know";
            case "Invalid \\uXXXX escape" -> "a \\u escape without four hexadecimal digits";
            case "Extra data" -> "more text follows the JSON value";
            default -> reason;
        };
    }

    private void document() throws Refused {
        ws();
        value();
        ws();
        if (i != s.length()) {
            throw new Refused("Extra data", i);
        }
    }

    private void ws() {
        while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
    }

    private void value() throws Refused {
        if (i >= s.length()) {
            throw new Refused("Expecting value", i);
        }
        char c = s.charAt(i);
        switch (c) {
            case '"' -> string();
            case '{' -> object();
            case '[' -> array();
            default -> {
                for (String word : new String[]{"null", "true", "false", "NaN", "Infinity", "-Infinity"}) {
                    if (s.startsWith(word, i)) {
                        i += word.length();
                        return;
                    }
                }
                if (!number()) {
                    throw new Refused("Expecting value", i);
                }
            }
        }
    }

    private boolean number() {
        int start = i;
        int j = i;
        if (j < s.length() && s.charAt(j) == '-') {
            j++;
        }
        if (j >= s.length() || !Character.isDigit(s.charAt(j))) {
            return false;
        }
        if (s.charAt(j) == '0') {
            j++;
        } else {
            while (j < s.length() && isDigit(s.charAt(j))) {
                j++;
            }
        }
        if (j + 1 < s.length() && s.charAt(j) == '.' && isDigit(s.charAt(j + 1))) {
            j += 2;
            while (j < s.length() && isDigit(s.charAt(j))) {
                j++;
            }
        }
        if (j < s.length() && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
            int k = j + 1;
            if (k < s.length() && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
                k++;
            }
            if (k < s.length() && isDigit(s.charAt(k))) {
                while (k < s.length() && isDigit(s.charAt(k))) {
                    k++;
                }
                j = k;
            }
        }
        i = j;
        return j > start;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void string() throws Refused {
        int begin = i;
        i++;
        while (true) {
            if (i >= s.length()) {
                throw new Refused("Unterminated string starting at", begin);
            }
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                return;
            }
            if (c < 0x20) {
                throw new Refused("Invalid control character at", i);
            }
            if (c == '\\') {
                if (i + 1 >= s.length()) {
                    throw new Refused("Unterminated string starting at", begin);
                }
                char esc = s.charAt(i + 1);
                if (esc == 'u') {
                    if (i + 6 > s.length() || !s.substring(i + 2, i + 6).matches("[0-9a-fA-F]{4}")) {
                        throw new Refused("Invalid \\uXXXX escape", i + 1);
                    }
                    i += 6;
                    continue;
                }
                if ("\"\\/bfnrt".indexOf(esc) < 0) {
                    throw new Refused("Invalid \\escape", i);
                }
                i += 2;
                continue;
            }
            i++;
        }
    }

    private void object() throws Refused {
        i++;
        ws();
        if (i < s.length() && s.charAt(i) == '}') {
            i++;
            return;
        }
        while (true) {
            if (i >= s.length() || s.charAt(i) != '"') {
                throw new Refused("Expecting property name enclosed in double quotes", i);
            }
            string();
            ws();
            if (i >= s.length() || s.charAt(i) != ':') {
                throw new Refused("Expecting ':' delimiter", i);
            }
            i++;
            ws();
            value();
            ws();
            if (i < s.length() && s.charAt(i) == '}') {
                i++;
                return;
            }
            if (i >= s.length() || s.charAt(i) != ',') {
                throw new Refused("Expecting ',' delimiter", i);
            }
            i++;
            ws();
        }
    }

    private void array() throws Refused {
        i++;
        ws();
        if (i < s.length() && s.charAt(i) == ']') {
            i++;
            return;
        }
        while (true) {
            value();
            ws();
            if (i < s.length() && s.charAt(i) == ']') {
                i++;
                return;
            }
            if (i >= s.length() || s.charAt(i) != ',') {
                throw new Refused("Expecting ',' delimiter", i);
            }
            i++;
            ws();
        }
    }
}
