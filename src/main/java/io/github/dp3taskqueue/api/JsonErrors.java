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

import io.github.dp3taskqueue.dp3.json.JsonSyntax;
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

    private JsonErrors() {
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
        JsonSyntax.Error e = JsonSyntax.firstError(text);
        if (e != null) {
            int pos = text.codePointCount(0, Math.min(e.index(), text.length()));
            Problem problem = new Problem(List.of("body", pos), "json_invalid", "JSON decode error", Map.of(),
                    Map.of("error", e.reason()));
            return new Outcome(422, ApiAnswers.unprocessable(List.of(problem)),
                    "JSON decode error at " + pos + ": " + e.reason());
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
        JsonSyntax.Error e = JsonSyntax.firstError(text);
        if (e == null) {
            return "There was an error parsing the body";
        }
        {
            int pos = Math.min(e.index(), text.length());
            int line = 1;
            int lineStart = 0;
            for (int k = 0; k < pos; k++) {
                if (text.charAt(k) == '\n') {
                    line++;
                    lineStart = k + 1;
                }
            }
            return e.reason() + ": line " + line + " column " + (pos - lineStart + 1) + " (char "
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
}
