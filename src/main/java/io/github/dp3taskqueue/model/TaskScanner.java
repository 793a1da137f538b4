package io.github.dp3taskqueue.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.github.dp3taskqueue.model.TaskEid.Uncaught;

/**
 * The fast path of {@link TaskValidator}: one pass over a body's bytes, without a JSON tree, for the
 * form DP3 writes and most senders send. Measured reason (docs/performance.md): on the benchmark's
 * tasks Jackson's tokens alone took 2.2 µs per task and the tree 3 µs of the model's 7.6 µs.
 * <p>
 * It reads only what it is sure of: ASCII strings without escapes, integers of up to 18 digits,
 * each key once, the task's {@code etype}, {@code eid}, {@code data_points}, {@code tags} (strings)
 * in that order, a data point's {@code etype}, {@code eid}, {@code attr} first, values that are JSON
 * scalars or (arrays, sets, timeseries) lists of scalars. Each value goes through the same
 * validators as on the full path. Anything else, and every body with a problem, gives
 * {@code null}: the full path decides, so refusals and their problems come from one place. A body
 * that is already byte for byte what DP3 writes for it is its own message.
 */
final class TaskScanner {

    /** Thrown, without a stack, wherever the body leaves the form this path reads. */
    private static final class Leave extends Exception {
        private static final long serialVersionUID = 1L;

        Leave() {
            super("not in the scanned form", null, false, false);
        }
    }

    private static final Leave LEAVE = new Leave();
    private static final int MAX_NUMBER = 100; // longer literals go to the full path (jiter's limit is 4,300)
    /** A data point's fields after {@code attr}, in the order DP3 writes them. */
    private static final String[] POINT_FIELDS = {"src", "v", "c", "t1", "t2"};
    private static final int SRC = 0;
    private static final int V = 1;
    private static final int C = 2;
    private static final int T1 = 3;
    private static final int T2 = 4;

    private final DataModel model;
    private final byte[] in;
    private final Problems p = new Problems();
    private final StringBuilder scratch = new StringBuilder(48);
    private int pos;
    /** Whether every byte so far is what DP3 would write at that place. */
    private boolean canonical = true;
    /** The last scalar read, and where its bytes start (they end at {@code pos}). */
    private int valueStart;
    private JsonNode valueNode;

    private TaskScanner(DataModel model, byte[] in) {
        this.model = model;
        this.in = in;
    }

    /** The task as the full path would accept it, or {@code null} when the full path must decide. */
    static ValidatedTask scan(DataModel model, byte[] body) {
        try {
            return new TaskScanner(model, body).task();
        } catch (Leave | Uncaught | RuntimeException e) {
            return null; // a RuntimeException too: the full path reports it properly, with the task's name
        }
    }

    private ValidatedTask task() throws Leave, Uncaught {
        open('{');
        key("etype");
        EntitySpec entity = model.entity(text());
        if (entity == null) {
            throw LEAVE;
        }
        comma();
        key("eid");
        Object eid = valid(TaskEid.convert(entity.idType(), scalar(), p));
        same(eid);
        comma();
        key("data_points");
        List<ValidatedPoint> points = new ArrayList<>();
        open('[');
        do {
            points.add(point(entity, eid));
        } while (next(']'));
        ArrayNode tags = null;
        if (next('}')) {
            key("tags");
            tags = tags();
            close('}');
        }
        ws();
        if (pos != in.length) {
            throw LEAVE;
        }
        ValidatedTask task = new ValidatedTask(entity, eid, points, tags, null, false, false);
        return canonical ? task.written(in.clone()) : task;
    }

    private ValidatedPoint point(EntitySpec entity, Object taskEid) throws Leave, Uncaught {
        open('{');
        key("etype");
        if (!text().equals(entity.id())) {
            throw LEAVE;
        }
        comma();
        key("eid");
        JsonNode eidIn = scalar();
        int eidStart = valueStart;
        int eidEnd = pos;
        comma();
        key("attr");
        AttributeSpec spec = entity.attributes().get(text());
        if (spec == null || spec.dataType() instanceof Composite.ReadOnly) {
            throw LEAVE;
        }
        same(spec.id());
        Object eid = valid(entity.idDataType().validate(eidIn, p));
        if (!TaskValidator.sameEid(taskEid, eid)) {
            throw LEAVE;
        }
        if (canonical) {
            same(taskEid, eidIn, eidStart, eidEnd); // DP3 writes the task's eid in every data point
        }
        Object[] values = new Object[POINT_FIELDS.length];
        JsonNode t2In = null;
        int last = -1;
        while (next('}')) {
            int field = field();
            if (values[field] != null) {
                throw LEAVE; // a repeated key
            }
            canonical &= field > last;
            last = field;
            values[field] = switch (field) {
                case SRC -> same(valid(Lax.string(scalar(), p)));
                case V -> value(spec);
                case C -> confidence(spec);
                case T1 -> time(spec, scalar());
                default -> {
                    t2In = scalar();
                    if (DataPointValidator.falsy(t2In)) {
                        canonical = false; // DP3 writes t1 there
                        yield t2In;
                    }
                    yield time(spec, t2In);
                }
            };
        }
        return finish(eid, spec, values, t2In);
    }

    /** The rules between fields, as the full path checks them once every field is valid. */
    private ValidatedPoint finish(Object eid, AttributeSpec spec, Object[] values, JsonNode t2In)
            throws Leave, Uncaught {
        Object v = values[V];
        if (v == null) {
            throw LEAVE;
        }
        String src = (String) values[SRC];
        Object c = values[C];
        if (spec.kind() == AttributeSpec.Kind.PLAIN) {
            return new ValidatedPoint(eid, spec.id(), spec.kind(), src, v, c, null, null);
        }
        if (!(values[T1] instanceof Dp3Time t1)) {
            throw LEAVE;
        }
        Dp3Time t2 = values[T2] instanceof Dp3Time end ? end : t1; // absent or falsy: t1
        if (t2.compareTo(t1) < 0) {
            throw LEAVE;
        }
        if (spec.kind() == AttributeSpec.Kind.TIMESERIES) {
            @SuppressWarnings("unchecked")
            Map<String, List<Object>> series = (Map<String, List<Object>>) v;
            if (SeriesRules.check(spec, series, t1, t2) != null) {
                throw LEAVE;
            }
        }
        return new ValidatedPoint(eid, spec.id(), spec.kind(), src, v, c, t1, t2In == null ? null : t2);
    }

    /** {@code c}: a float in [0, 1] for observations; other attributes keep any value, which the full path writes. */
    private Object confidence(AttributeSpec spec) throws Leave {
        if (spec.kind() != AttributeSpec.Kind.OBSERVATIONS) {
            throw LEAVE;
        }
        return same(valid(DataPointValidator.unitFloat(scalar(), p)));
    }

    /** {@code t1} or {@code t2} (a plain attribute has neither here): DP3's aware datetime. */
    private Object time(AttributeSpec spec, JsonNode node) throws Leave {
        if (spec.kind() == AttributeSpec.Kind.PLAIN) {
            throw LEAVE; // t1 ignored, t2 refused unless null: the full path decides
        }
        return same(((Dp3Time) valid(LaxTime.datetime(node, p))).aware());
    }

    /** {@code v}: a scalar of the attribute's type, a list of scalars, or a timeseries object of lists. */
    private Object value(AttributeSpec spec) throws Leave {
        DataType type = spec.dataType();
        if (spec.kind() == AttributeSpec.Kind.TIMESERIES) {
            return series(spec);
        }
        if (type instanceof Composite.ListOf list) {
            return list(list.element());
        }
        if (type == Primitive.SPECIAL || type == Primitive.JSON) {
            canonical = false; // written from the node the validator returns
        }
        return typed(type);
    }

    /**
     * One scalar validated by {@code type}; an integer for an int and a string for a string are
     * what the validator would return, without asking it.
     */
    private Object typed(DataType type) throws Leave {
        JsonNode node = scalar();
        Object value;
        if (node instanceof LongNode n && (type == Primitive.INT || type == Primitive.INT64)) {
            value = n.longValue();
        } else if (node instanceof TextNode t && type == Primitive.STRING) {
            value = t.textValue();
        } else {
            value = valid(type.validate(node, p));
        }
        return same(value);
    }

    private Object series(AttributeSpec spec) throws Leave {
        open('{');
        Map<String, List<Object>> found = new LinkedHashMap<>();
        do {
            String name = string();
            colon();
            Primitive type = spec.series().get(name);
            if (type == null || found.containsKey(name)) {
                throw LEAVE;
            }
            found.put(name, list(type));
        } while (next('}'));
        if (found.size() != spec.series().size()
                || found.values().stream().mapToInt(List::size).distinct().count() != 1) {
            throw LEAVE; // a series missing, or of another length
        }
        if (!List.copyOf(found.keySet()).equals(List.copyOf(spec.series().keySet()))) {
            canonical = false;
            Map<String, List<Object>> ordered = new LinkedHashMap<>(); // DP3 writes the configured order
            spec.series().keySet().forEach(name -> ordered.put(name, found.get(name)));
            return ordered;
        }
        return found;
    }

    private List<Object> list(DataType element) throws Leave {
        open('[');
        List<Object> out = new ArrayList<>();
        if (!empty(']')) {
            do {
                out.add(typed(element));
            } while (next(']'));
        }
        return out;
    }

    private ArrayNode tags() throws Leave {
        open('[');
        ArrayNode tags = JsonNodeFactory.instance.arrayNode();
        if (empty(']')) {
            canonical = false; // DP3 leaves out empty tags
            return tags;
        }
        do {
            tags.add(TextNode.valueOf(string()));
        } while (next(']'));
        return tags;
    }

    // --- values -------------------------------------------------------------------------------

    /** The validated value, when the validator found no problem. */
    private Object valid(Object value) throws Leave {
        if (value == Lax.INVALID || p.count() > 0) {
            throw LEAVE;
        }
        return value;
    }

    /** Notes whether DP3 writes {@code value} exactly as the last scalar's bytes; returns the value. */
    private Object same(Object value) {
        if (canonical) {
            same(value, valueNode, valueStart, pos);
        }
        return value;
    }

    private void same(Object value, JsonNode raw, int start, int end) {
        if (value instanceof String s && raw instanceof TextNode t) {
            canonical = s.length() == end - start - 2 && (s == t.textValue() || equalsAt(s, start + 1));
        } else if (value instanceof Long l && raw instanceof LongNode n && n.longValue() == l) {
            canonical = in[start] != '-' || in[start + 1] != '0'; // DP3 writes -0 as 0
        } else if (value instanceof Boolean b && raw instanceof BooleanNode n) {
            canonical = b == n.booleanValue();
        } else {
            scratch.setLength(0);
            ModelJson.value(scratch, value);
            canonical = scratch.length() == end - start && equalsAt(scratch, start);
        }
    }

    private boolean equalsAt(CharSequence text, int start) {
        for (int i = 0; i < text.length(); i++) {
            if (in[start + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A JSON scalar as {@link JsonValues} reads it. */
    private JsonNode scalar() throws Leave {
        ws();
        valueStart = pos;
        JsonNode node = switch (peek()) {
            case '"' -> TextNode.valueOf(string());
            case 't' -> literal("true", BooleanNode.TRUE);
            case 'f' -> literal("false", BooleanNode.FALSE);
            case 'n' -> literal("null", NullNode.instance);
            default -> number();
        };
        valueNode = node;
        return node;
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
    private JsonNode number() throws Leave {
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
            return LongNode.valueOf(in[start] == '-' ? -value : value);
        }
        if (pos - start > MAX_NUMBER) {
            throw LEAVE;
        }
        return DoubleNode.valueOf(Double.parseDouble(new String(in, start, pos - start, StandardCharsets.ISO_8859_1)));
    }

    private int digits() {
        int start = pos;
        while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
            pos++;
        }
        return pos - start;
    }

    // --- structure ----------------------------------------------------------------------------

    /** A string of printable ASCII without escapes. */
    private String string() throws Leave {
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

    /** A string value, kept as the last scalar. */
    private String text() throws Leave {
        return scalar() instanceof TextNode t ? t.textValue() : leave();
    }

    private static String leave() throws Leave {
        throw LEAVE;
    }

    /** The key {@code name} and its colon. */
    private void key(String name) throws Leave {
        if (keyIndex(name) < 0) {
            throw LEAVE;
        }
    }

    /** Which of a data point's fields after {@code attr} the next key names. */
    private int field() throws Leave {
        int index = keyIndex(POINT_FIELDS);
        if (index < 0) {
            throw LEAVE;
        }
        return index;
    }

    /** The index of the next key (and its colon) among {@code names}, compared in place, or -1. */
    private int keyIndex(String... names) throws Leave {
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
            if (names[i].length() == end - start && equalsAt(names[i], start)) {
                pos = end + 1;
                colon();
                return i;
            }
        }
        return -1;
    }

    private void colon() throws Leave {
        close(':');
    }

    private void comma() throws Leave {
        close(',');
    }

    private void open(char c) throws Leave {
        close(c);
    }

    private void close(char c) throws Leave {
        ws();
        if (peek() != c) {
            throw LEAVE;
        }
        pos++;
    }

    /** After an item: {@code true} at a comma (another item follows), {@code false} at {@code end}. */
    private boolean next(char end) throws Leave {
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
    private boolean empty(char end) throws Leave {
        ws();
        if (peek() == end) {
            pos++;
            return true;
        }
        return false;
    }

    private byte peek() throws Leave {
        if (pos >= in.length) {
            throw LEAVE;
        }
        return in[pos];
    }

    private void ws() {
        int start = pos;
        while (pos < in.length && (in[pos] == ' ' || in[pos] == '\n' || in[pos] == '\r' || in[pos] == '\t')) {
            pos++;
        }
        canonical &= pos == start;
    }
}
