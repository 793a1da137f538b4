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

import java.io.IOException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Reads JSON into the values DP3's parser (pydantic's jiter) gives Python, as Jackson nodes: a
 * {@link LongNode} or {@link BigIntegerNode} for an integer literal (Python's int), a
 * {@link DoubleNode} for any literal with a fraction or exponent and for {@code NaN},
 * {@code Infinity}, {@code -Infinity} (Python's float), text, booleans, null, arrays and objects (a
 * repeated key keeps its first place and its last value, as a Python dict does). What jiter refuses is refused here
 * with
 * the same verdict (MODEL.md §4): a BOM, trailing characters, lone surrogates, number literals over
 * 4,300 characters, nesting deeper than jiter's limit.
 */
public final class JsonValues {

    /** jiter's limit on number literals (Python's int-string limit), sign included. */
    public static final int MAX_NUMBER_LENGTH = 4300;
    /** jiter refuses more than this many containers inside the outermost one. */
    static final int MAX_DEPTH = 201;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(MAX_NUMBER_LENGTH + 10)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNestingDepth(MAX_DEPTH + 10)
                    .build())
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {
    }

    /** Why a body is not JSON; the message says where. */
    public static final class JsonInvalidException extends Exception {
        private static final long serialVersionUID = 1L;

        JsonInvalidException(String message) {
            super(message, null, false, false);
        }
    }

    /** The value of one whole JSON text (surrounding whitespace allowed), as jiter (DP3's worker) reads it. */
    public static JsonNode parse(byte[] json) throws JsonInvalidException {
        return parse(json, false);
    }

    /**
     * The same as Python's {@code json.loads} of the bytes reads it (DP3's HTTP API): a UTF-8 byte
     * order mark is skipped and a lone surrogate is kept, where jiter refuses both.
     */
    public static JsonNode parseAsPython(byte[] json) throws JsonInvalidException {
        return parse(json, true);
    }

    private static JsonNode parse(byte[] json, boolean python) throws JsonInvalidException {
        int start = 0;
        if (json.length >= 3 && (json[0] & 0xFF) == 0xEF && (json[1] & 0xFF) == 0xBB && (json[2] & 0xFF) == 0xBF) {
            if (!python) {
                throw new JsonInvalidException("the body starts with a UTF-8 byte order mark");
            }
            start = 3;
        }
        try (JsonParser parser = FACTORY.createParser(json, start, json.length - start)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new JsonInvalidException("the body is empty: EOF while parsing a value");
            }
            JsonNode value = value(parser, first, 1, python);
            if (parser.nextToken() != null) {
                throw new JsonInvalidException("trailing characters after the JSON value"
                        + where(parser.currentTokenLocation()));
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new JsonInvalidException(reason(e) + where(e.getLocation()));
        } catch (IOException e) {
            throw new JsonInvalidException(e.getMessage());
        }
    }

    private static final Pattern CODE = Pattern.compile(" \\(code -?\\d+\\)");
    private static final Pattern MARKER = Pattern.compile(
            "\\(start marker at \\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]\\)");

    /** Jackson's reason without its character codes and source descriptions. */
    private static String reason(JsonProcessingException e) {
        String reason = CODE.matcher(e.getOriginalMessage()).replaceAll("");
        return MARKER.matcher(reason).replaceAll("(opened at line $1, column $2)");
    }

    /** {@code " (at line L, column C)"}, or {@code " (at column C)"} on the first line. */
    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        int line = location.getLineNr();
        return " (at " + (line > 1 ? "line " + line + ", " : "") + "column " + location.getColumnNr() + ")";
    }

    private static JsonNode value(JsonParser parser, JsonToken token, int depth, boolean python)
            throws IOException, JsonInvalidException {
        switch (token) {
            case START_OBJECT -> {
                checkDepth(depth, parser);
                ObjectNode map = NODES.objectNode();
                for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
                    checkText(key, parser, python);
                    map.set(key, value(parser, parser.nextToken(), depth + 1, python));
                }
                return map;
            }
            case START_ARRAY -> {
                checkDepth(depth, parser);
                ArrayNode list = NODES.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(value(parser, t, depth + 1, python));
                }
                return list;
            }
            case VALUE_STRING -> {
                String text = parser.getText();
                checkText(text, parser, python);
                return TextNode.valueOf(text);
            }
            case VALUE_NUMBER_INT -> {
                checkLength(parser);
                return switch (parser.getNumberType()) {
                    case INT, LONG -> LongNode.valueOf(parser.getLongValue());
                    default -> BigIntegerNode.valueOf(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                if (parser.isNaN()) {
                    String text = parser.getText();
                    if (!"NaN".equals(text) && !"Infinity".equals(text) && !"-Infinity".equals(text)) {
                        throw new JsonInvalidException("invalid number '" + text + "'");
                    }
                } else {
                    checkLength(parser);
                }
                return DoubleNode.valueOf(parser.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return BooleanNode.TRUE;
            }
            case VALUE_FALSE -> {
                return BooleanNode.FALSE;
            }
            case VALUE_NULL -> {
                return NullNode.instance;
            }
            default -> throw new JsonInvalidException("unexpected " + token);
        }
    }

    private static void checkDepth(int depth, JsonParser parser) throws JsonInvalidException {
        if (depth > MAX_DEPTH) {
            throw new JsonInvalidException("recursion limit exceeded (more than " + (MAX_DEPTH - 1)
                    + " nested arrays or objects)" + where(parser.currentTokenLocation()));
        }
    }

    private static void checkLength(JsonParser parser) throws IOException, JsonInvalidException {
        if (parser.getTextLength() > MAX_NUMBER_LENGTH) {
            throw new JsonInvalidException("number literal longer than " + MAX_NUMBER_LENGTH + " characters"
                    + where(parser.currentTokenLocation()));
        }
    }

    /** Jackson decodes a lone surrogate escape ({@code \ud800}) silently; jiter refuses it. */
    private static void checkText(String text, JsonParser parser, boolean python) throws JsonInvalidException {
        if (python) {
            return; // Python keeps lone surrogates in its str
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    throw new JsonInvalidException("lone surrogate in a string" + where(parser.currentTokenLocation()));
                }
            }
        }
    }
}
