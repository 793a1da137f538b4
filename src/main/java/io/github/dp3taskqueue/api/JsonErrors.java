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
package io.github.dp3taskqueue.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.github.dp3taskqueue.dp3.model.Problem;

/**
 * DP3's API's answer to a body that is not JSON: FastAPI parses it with Python's {@code json}, and
 * answers 422 {@code json_invalid} at {@code ["body", POS]} with Python's reason, or 400 when the
 * bytes are not text or a number is too long for Python. Python's scanner is followed here closely
 * enough to give its first error and position (a position in characters, as Python counts them).
 */
final class JsonErrors {

    /** The answer: status, body, and a line for the refused-request log. */
    record Outcome(int status, byte[] answer, String logLine) {
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

    private JsonErrors(String s) {
        this.s = s;
    }

    static Outcome of(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return parsingError("the body is not UTF-8");
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1); // json.loads of bytes detects UTF-8 with a BOM and drops it
        }
        JsonErrors scanner = new JsonErrors(text);
        try {
            scanner.document();
        } catch (Refused e) {
            int pos = text.codePointCount(0, Math.min(e.pos, text.length()));
            Problem problem = new Problem(List.of("body", pos), "json_invalid", "JSON decode error", Map.of(),
                    Map.of("error", e.getMessage()));
            return new Outcome(422, ApiAnswers.unprocessable(List.of(problem)),
                    "JSON decode error at " + pos + ": " + e.getMessage());
        }
        // valid for Python, not for this reader: a number of more than 4300 digits
        return parsingError("a number too long for Python");
    }

    /**
     * {@code str(JSONDecodeError)}: {@code Expecting value: line 1 column 1 (char 0)}, what DP3's entity endpoints
     * answer.
     */
    static String pythonMessage(byte[] body) {
        String text = new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8);
        JsonErrors scanner = new JsonErrors(text);
        try {
            scanner.document();
            return "There was an error parsing the body";
        } catch (Refused e) {
            int pos = Math.min(e.pos, text.length());
            int line = 1;
            int lineStart = 0;
            for (int k = 0; k < pos; k++) {
                if (text.charAt(k) == '\n') {
                    line++;
                    lineStart = k + 1;
                }
            }
            return e.getMessage() + ": line " + line + " column " + (pos - lineStart + 1) + " (char "
                    + text.codePointCount(0, pos) + ")";
        }
    }

    private static Outcome parsingError(String why) {
        return new Outcome(400, ApiAnswers.detail("There was an error parsing the body"), why);
    }

    /** A body of a content type FastAPI does not read as JSON: its bytes are not the list it expects. */
    static Problem notJsonContent(byte[] body) {
        return new Problem(List.of("body"), "list_type", "Input should be a valid list",
                new String(body, StandardCharsets.UTF_8), null);
    }

    static Problem problem(String type, String msg) {
        return new Problem(List.of("body"), type, msg, null, null);
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
