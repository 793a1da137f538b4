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

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a data type string as DP3's {@code DataType} does, with its regular expressions, and
 * refuses what DP3 refuses (with DP3's reason). Links are resolved later, when every entity type is
 * known.
 */
final class DataTypeParser {

    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern ARRAY = Pattern.compile("^array<(.+)>$", FLAGS);
    private static final Pattern SET = Pattern.compile("^set<(.+)>$", FLAGS);
    private static final Pattern LINK = Pattern.compile(
            "^link\\s*<\\s*(?<etype>\\w+)\\s*(?:,\\s*(?<data>\\S+)\\s*)?(?:;\\s*mirror=(?<mirror>\\S+)\\s*)?>$", FLAGS);
    private static final Pattern DICT = Pattern.compile("^dict\\s*<(\\s*(\\w+\\??:\\w+,\\s*)*(\\w+\\??:\\w+\\s*))>$",
            FLAGS);
    private static final Pattern CATEGORY = Pattern.compile(
            "^category<\\s*(?<type>\\w+)\\s*;\\s*(?<vals>(?:\\s*\\w+,\\s*)*\\s*\\w+\\s*)>$", FLAGS);
    private static final Set<Primitive> CATEGORY_TYPES = Set.of(Primitive.STRING, Primitive.INT, Primitive.INT64,
            Primitive.FLOAT, Primitive.TAG, Primitive.BINARY);

    private final List<Composite.Link> links = new ArrayList<>();

    /** The links parsed so far, for resolving their eid types. */
    List<Composite.Link> links() {
        return links;
    }

    /** @throws IllegalArgumentException with DP3's reason */
    DataType parse(String text) {
        Primitive primitive = Primitive.of(text);
        if (primitive != null) {
            return primitive;
        }
        Matcher m;
        if ((m = ARRAY.matcher(text)).matches() || (m = SET.matcher(text)).matches()) {
            String element = m.group(1).strip();
            DataType type = parse(element);
            if (!(type instanceof Primitive) && !(type instanceof Composite.Link)) {
                throw new IllegalArgumentException("Data type " + element + " is not supported as an "
                        + (text.startsWith("array") ? "array" : "set") + " element");
            }
            return new Composite.ListOf(text, type);
        }
        if ((m = LINK.matcher(text)).matches()) {
            String data = m.group("data");
            Composite.Link link = new Composite.Link(text, m.group("etype"), data == null ? null : parse(data),
                    m.group("mirror"));
            links.add(link);
            return link;
        }
        if (DICT.matcher(text).matches()) {
            return dict(text);
        }
        if ((m = CATEGORY.matcher(text)).matches()) {
            return category(text, m.group("type"), m.group("vals"));
        }
        throw new IllegalArgumentException("Data type '" + text + "' is not supported");
    }

    private static DataType dict(String text) {
        String inner = text.substring(text.indexOf('<') + 1, text.indexOf('>'));
        Map<String, String> spec = new LinkedHashMap<>();
        for (String item : inner.split(",")) {
            String[] kv = item.strip().split(":");
            spec.put(kv[0], kv[1]);
        }
        List<Composite.Key> keys = new ArrayList<>();
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : spec.entrySet()) {
            Primitive type = Primitive.of(entry.getValue());
            if (type == null) {
                throw new IllegalArgumentException("Data type " + entry.getValue() + " of key " + entry.getKey()
                        + " is not supported as a dict field");
            }
            boolean optional = entry.getKey().endsWith("?");
            String name = optional ? entry.getKey().substring(0, entry.getKey().length() - 1) : entry.getKey();
            Composite.Key key = new Composite.Key(name, type, optional);
            // a name given twice (k and k?) keeps its first place and its last definition, as a Python dict does
            Integer at = positions.get(name);
            if (at == null) {
                positions.put(name, keys.size());
                keys.add(key);
            } else {
                keys.set(at, key);
            }
        }
        return new Composite.Dict(text, keys);
    }

    private DataType category(String text, String typeName, String words) {
        DataType type = parse(typeName);
        if (!(type instanceof Primitive primitive) || !CATEGORY_TYPES.contains(primitive)) {
            throw new IllegalArgumentException("Data type '" + typeName + "' cannot be a category's value type");
        }
        // {str(value): value}: values that print alike are one value, as in DP3's Enum
        Map<String, Object> values = new LinkedHashMap<>();
        for (String word : words.split(",")) {
            Object value = convert(primitive, word.strip());
            values.put(PythonText.repr(value).replace("'", ""), value);
        }
        return new Composite.Category(text, primitive, List.copyOf(values.values()));
    }

    /** Python's {@code str(w)}, {@code int(w)}, {@code float(w)} or {@code bool(w)} of a category word. */
    private static Object convert(Primitive type, String word) {
        switch (type) {
            case STRING :
                return word;
            case TAG :
            case BINARY :
                return Boolean.TRUE; // bool() of a non-empty string
            case INT :
            case INT64 :
                if (word.matches("[0-9](_?[0-9])*")) {
                    BigInteger value = new BigInteger(word.replace("_", ""));
                    return value.bitLength() < 64 ? (Object) value.longValue() : value;
                }
                throw new IllegalArgumentException("invalid literal for int() with base 10: '" + word + "'");
            default :
                Double value = Lax.floatText(word);
                if (value == null) {
                    throw new IllegalArgumentException("could not convert string to float: '" + word + "'");
                }
                return value;
        }
    }
}
