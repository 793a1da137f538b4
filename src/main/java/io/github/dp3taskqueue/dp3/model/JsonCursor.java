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
package io.github.dp3taskqueue.dp3.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * {@link TaskScanner}'s reader: JSON read straight from a body's bytes, only in the plain form (ASCII
 * strings without escapes, integers of up to 18 digits); anything else throws {@link Leave}. It also
 * tracks whether the bytes so far hold no whitespace, which DP3 never writes.
 */
final class JsonCursor {

    /** Thrown, without a stack, wherever the body leaves the form this reader reads. */
    static final class Leave extends Exception {
        private static final long serialVersionUID = 1L;

        private Leave() {
            super("not in the scanned form", null, false, false);
        }
    }

    static final Leave LEAVE = new Leave();
    private static final int MAX_NUMBER = 100; // longer literals go to the full path (jiter's limit is 4,300)

    /** {@link #read()}'s kinds of scalar: a string, an integer of up to 18 digits, anything else. */
    static final int TEXT = 1;
    static final int LONG = 2;
    static final int OTHER = 3;

    private final byte[] in;
    private int pos;
    private boolean compact = true;
    /** The last scalar read, and where its bytes start (they end at {@link #pos}). */
    private int kind;
    private String text;
    private long whole;
    private JsonNode node; // made only when asked for: most values are read without one
    private int scalarStart;

    JsonCursor(byte[] in) {
        this.in = in;
    }

    /** Whether no whitespace came before or between the values read so far. */
    boolean compact() {
        return compact;
    }

    /** Where the last scalar's bytes start. */
    int scalarStart() {
        return scalarStart;
    }

    /** Where the last value read ends. */
    int pos() {
        return pos;
    }

    /** The last scalar's kind: {@link #TEXT}, {@link #LONG} or {@link #OTHER}. */
    int kind() {
        return kind;
    }

    /** The last scalar, a {@link #TEXT}. */
    String textValue() {
        return text;
    }

    /** The last scalar, a {@link #LONG}. */
    long longValue() {
        return whole;
    }

    /** The last scalar as {@link JsonValues} reads it. */
    JsonNode node() {
        if (node == null) {
            node = kind == TEXT ? TextNode.valueOf(text) : LongNode.valueOf(whole);
        }
        return node;
    }

    byte byteAt(int index) {
        return in[index];
    }

    /** Whether the bytes from {@code start} to {@code end} are those from {@code from} to {@code to}. */
    boolean sameBytes(int start, int end, int from, int to) {
        return Arrays.equals(in, start, end, in, from, to);
    }

    /** Whether the bytes from {@code start} are {@code text} and end at {@code end}. */
    boolean bytesAre(CharSequence text, int start, int end) {
        return text.length() == end - start && equalsAt(text, start);
    }

    /** Whether only whitespace is left. */
    boolean atEnd() {
        ws();
        return pos == in.length;
    }

    /** Reads a scalar: its kind; its value is in {@link #textValue}, {@link #longValue} or {@link #node}. */
    int read() throws Leave {
        ws();
        scalarStart = pos;
        node = null;
        kind = OTHER;
        switch (peek()) {
            case '"' -> {
                text = string();
                kind = TEXT;
            }
            case 't' -> node = literal("true", BooleanNode.TRUE);
            case 'f' -> node = literal("false", BooleanNode.FALSE);
            case 'n' -> node = literal("null", NullNode.instance);
            default -> number();
        }
        return kind;
    }

    /** A JSON scalar, as {@link JsonValues} reads it. */
    JsonNode scalar() throws Leave {
        read();
        return node();
    }

    /** A string scalar. */
    String text() throws Leave {
        if (read() != TEXT) {
            throw LEAVE;
        }
        return text;
    }

    /**
     * Whether the next value is the string {@code expected}, written without escapes, compared in
     * place (no String made); past it when it is. {@code false} leaves the position unchanged.
     */
    boolean textIs(String expected) throws Leave {
        ws();
        if (peek() != '"') {
            throw LEAVE;
        }
        int start = pos + 1;
        int end = start + expected.length();
        if (end >= in.length || in[end] != '"' || !equalsAt(expected, start)) {
            return false;
        }
        pos = end + 1;
        return true;
    }

    /** A string of ASCII from 0x20 up (DEL included, as JSON allows), without escapes. */
    String string() throws Leave {
        ws();
        if (peek() != '"') {
            throw LEAVE;
        }
        int start = ++pos;
        while (pos < in.length) {
            byte b = in[pos];
            if (b == '"') {
                return new String(in, start, pos++ - start, StandardCharsets.ISO_8859_1);
            }
            if (b < 0x20 || b == '\\') { // a negative byte is not ASCII
                throw LEAVE;
            }
            pos++;
        }
        throw LEAVE;
    }

    /** The key {@code name} and its colon. */
    void key(String name) throws Leave {
        if (keyIndex(name) < 0) {
            throw LEAVE;
        }
    }

    /** The index of the next key (and past its colon) among {@code names}, compared in place, or -1. */
    int keyIndex(String... names) throws Leave {
        ws();
        if (peek() != '"') {
            throw LEAVE;
        }
        int start = pos + 1;
        int end = start;
        while (end < in.length && in[end] != '"') {
            end++;
        }
        for (int i = 0; i < names.length; i++) {
            if (bytesAre(names[i], start, end)) {
                pos = end + 1;
                expect(':');
                return i;
            }
        }
        return -1;
    }

    /** The byte {@code c}, after any whitespace. */
    void expect(char c) throws Leave {
        ws();
        if (peek() != c) {
            throw LEAVE;
        }
        pos++;
    }

    /** After an item: {@code true} at a comma (another item follows), {@code false} at {@code end}. */
    boolean next(char end) throws Leave {
        ws();
        byte b = peek();
        pos++;
        if (b == ',') {
            return true;
        }
        if (b == end) {
            return false;
        }
        throw LEAVE;
    }

    /** At the start of an array or object: {@code true} (and past it) when {@code end} closes it at once. */
    boolean empty(char end) throws Leave {
        ws();
        if (peek() == end) {
            pos++;
            return true;
        }
        return false;
    }

    private JsonNode literal(String word, JsonNode node) throws Leave {
        for (int i = 0; i < word.length(); i++) {
            if (pos >= in.length || in[pos++] != word.charAt(i)) {
                throw LEAVE;
            }
        }
        return node;
    }

    /**
     * JSON's number grammar; an integer of up to 18 digits is a long, anything with a fraction or
     * an exponent a double.
     */
    private void number() throws Leave {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        int digits = digits();
        if (digits == 0 || digits > 1 && in[pos - digits] == '0') {
            throw LEAVE;
        }
        boolean integer = true;
        if (pos < in.length && in[pos] == '.') {
            pos++;
            integer = false;
            if (digits() == 0) {
                throw LEAVE;
            }
        }
        if (pos < in.length && (in[pos] == 'e' || in[pos] == 'E')) {
            pos++;
            integer = false;
            if (pos < in.length && (in[pos] == '+' || in[pos] == '-')) {
                pos++;
            }
            if (digits() == 0) {
                throw LEAVE;
            }
        }
        if (integer) {
            if (digits > 18) {
                throw LEAVE;
            }
            long value = 0;
            for (int i = pos - digits; i < pos; i++) {
                value = value * 10 + (in[i] - '0'); // 18 digits cannot overflow
            }
            whole = in[start] == '-' ? -value : value;
            kind = LONG;
            return;
        }
        if (pos - start > MAX_NUMBER) {
            throw LEAVE;
        }
        node = DoubleNode.valueOf(Double.parseDouble(new String(in, start, pos - start, StandardCharsets.ISO_8859_1)));
    }

    private int digits() {
        int start = pos;
        while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
            pos++;
        }
        return pos - start;
    }

    private boolean equalsAt(CharSequence text, int start) {
        for (int i = 0; i < text.length(); i++) {
            if (in[start + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private byte peek() throws Leave {
        if (pos >= in.length) {
            throw LEAVE;
        }
        return in[pos];
    }

    private void ws() {
        if (pos < in.length && in[pos] > ' ') {
            return; // the common case: DP3's form has no whitespace
        }
        int start = pos;
        while (pos < in.length && (in[pos] == ' ' || in[pos] == '\n' || in[pos] == '\r' || in[pos] == '\t')) {
            pos++;
        }
        compact &= pos == start;
    }
}
