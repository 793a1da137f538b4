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

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

import io.github.dp3taskqueue.dp3.model.JsonCursor.Leave;
import io.github.dp3taskqueue.dp3.model.TaskEid.Uncaught;
import io.github.dp3taskqueue.dp3.time.Dp3Time;

/**
 * The fast path of {@link TaskValidator}: one pass over a body's bytes, without a JSON tree, for the
 * form DP3 writes and most senders send: the JSON tree, and even Jackson's tokens alone, cost more
 * than validating (docs/decisions/fast-path.md has the measurement).
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

    /** A data point's fields after {@code attr}, in the order DP3 writes them. */
    private static final String[] POINT_FIELDS = {"src", "v", "c", "t1", "t2"};
    private static final int SRC = 0;
    private static final int V = 1;
    private static final int C = 2;
    private static final int T1 = 3;
    private static final int T2 = 4;

    private final DataModel model;
    private final byte[] in;
    private final JsonCursor r;
    private final Problems p = new Problems();
    private final StringBuilder scratch = new StringBuilder(48);
    /** Whether every value so far is written by DP3 as its bytes, in DP3's order (whitespace: see {@link #r}). */
    private boolean canonical = true;
    /**
     * The last data point eid, t1 and t2 read, with where their bytes are: a task repeats them (its
     * eid in every data point, often its t1 and t2), and the same bytes validate the same way.
     */
    private Object pointEid;
    private int pointEidFrom;
    private int pointEidTo;
    private final Dp3Time[] times = new Dp3Time[2]; // the last t1 and the last t2
    private final int[] timeFrom = new int[2];
    private final int[] timeTo = new int[2];

    private TaskScanner(DataModel model, byte[] in) {
        this.model = model;
        this.in = in;
        this.r = new JsonCursor(in);
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
        r.expect('{');
        r.key("etype");
        EntitySpec entity = model.entity(r.text());
        if (entity == null) {
            throw JsonCursor.LEAVE;
        }
        r.expect(',');
        r.key("eid");
        Object eid = valid(TaskEid.convert(entity.idType(), r.scalar(), p));
        same(eid);
        r.expect(',');
        r.key("data_points");
        List<ValidatedPoint> points = new ArrayList<>();
        r.expect('[');
        do {
            points.add(point(entity, eid));
        } while (r.next(']'));
        ArrayNode tags = null;
        if (r.next('}')) {
            r.key("tags");
            tags = tags();
            r.expect('}');
        }
        if (!r.atEnd()) {
            throw JsonCursor.LEAVE;
        }
        ValidatedTask task = new ValidatedTask(entity, eid, points, tags, null, false, false);
        return canonical && r.compact() ? task.written(in.clone()) : task;
    }

    private ValidatedPoint point(EntitySpec entity, Object taskEid) throws Leave, Uncaught {
        r.expect('{');
        r.key("etype");
        if (!r.textIs(entity.id())) { // compared in place: a data point repeats its task's etype
            throw JsonCursor.LEAVE;
        }
        r.expect(',');
        r.key("eid");
        r.read();
        int eidFrom = r.scalarStart();
        int eidTo = r.pos();
        boolean repeated = pointEid != null && r.sameBytes(eidFrom, eidTo, pointEidFrom, pointEidTo);
        JsonNode eidIn = repeated ? null : r.node();
        r.expect(',');
        r.key("attr");
        AttributeSpec spec = entity.attributes().get(r.text());
        if (spec == null || spec.dataType() instanceof Composite.ReadOnly) {
            throw JsonCursor.LEAVE;
        }
        same(spec.id());
        if (!repeated) { // checked as in the data point before, when it has the same bytes
            Object eid = valid(entity.idDataType().validate(eidIn, p));
            if (!TaskValidator.sameEid(taskEid, eid)) {
                throw JsonCursor.LEAVE;
            }
            if (canonical) {
                canonical = writtenAs(taskEid, eidFrom, eidTo); // DP3 writes the task's eid in every data point
            }
            pointEid = eid;
            pointEidFrom = eidFrom;
            pointEidTo = eidTo;
        }
        Object eid = pointEid;
        Object[] values = new Object[POINT_FIELDS.length];
        JsonNode t2In = null;
        int last = -1;
        while (r.next('}')) {
            int field = r.keyIndex(POINT_FIELDS);
            if (field < 0 || values[field] != null) {
                throw JsonCursor.LEAVE; // another key, or a repeated one
            }
            canonical &= field > last;
            last = field;
            values[field] = switch (field) {
                case SRC -> same(valid(Lax.string(r.scalar(), p)));
                case V -> value(spec);
                case C -> confidence(spec);
                case T1 -> {
                    r.read();
                    yield time(spec, 0);
                }
                default -> {
                    t2In = r.scalar();
                    if (spec.kind() == AttributeSpec.Kind.PLAIN && !t2In.isNull()) {
                        throw JsonCursor.LEAVE; // refused (none_required): the full path names it
                    }
                    if (DataPointValidator.falsy(t2In)) {
                        canonical = false; // DP3 writes t1 there
                        yield t2In;
                    }
                    yield time(spec, 1);
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
            throw JsonCursor.LEAVE;
        }
        String src = (String) values[SRC];
        Object c = values[C];
        if (spec.kind() == AttributeSpec.Kind.PLAIN) {
            return new ValidatedPoint(eid, spec.id(), spec.kind(), src, v, c, null, null);
        }
        if (!(values[T1] instanceof Dp3Time t1)) {
            throw JsonCursor.LEAVE;
        }
        Dp3Time t2 = values[T2] instanceof Dp3Time end ? end : t1; // absent or falsy: t1
        if (t2.compareTo(t1) < 0) {
            throw JsonCursor.LEAVE;
        }
        if (spec.kind() == AttributeSpec.Kind.TIMESERIES) {
            @SuppressWarnings("unchecked")
            Map<String, List<Object>> series = (Map<String, List<Object>>) v;
            if (SeriesRules.check(spec, series, t1, t2) != null) {
                throw JsonCursor.LEAVE;
            }
        }
        return new ValidatedPoint(eid, spec.id(), spec.kind(), src, v, c, t1, t2In == null ? null : t2);
    }

    /** {@code c}: a float in [0, 1] for observations; other attributes keep any value, which the full path writes. */
    private Object confidence(AttributeSpec spec) throws Leave {
        if (spec.kind() != AttributeSpec.Kind.OBSERVATIONS) {
            throw JsonCursor.LEAVE;
        }
        return same(valid(DataPointValidator.unitFloat(r.scalar(), p)));
    }

    /**
     * The scalar just read as {@code t1} ({@code slot} 0) or {@code t2} (1), a plain attribute has
     * neither here: DP3's aware datetime.
     */
    private Object time(AttributeSpec spec, int slot) throws Leave {
        if (spec.kind() == AttributeSpec.Kind.PLAIN) {
            throw JsonCursor.LEAVE; // t1 ignored, t2 refused unless null: the full path decides
        }
        int from = r.scalarStart();
        int to = r.pos();
        if (times[slot] != null && r.sameBytes(from, to, timeFrom[slot], timeTo[slot])) {
            return times[slot]; // the same bytes as before: the same value, already compared with them
        }
        Object text = r.kind() == JsonCursor.TEXT ? Dp3Time.parse(r.textValue()) : null;
        if (text instanceof Dp3Time time) { // as LaxTime.datetime reads text, without formatting it again
            times[slot] = time.aware();
            canonical &= Dp3Time.isWritten(r.textValue(), false);
        } else {
            times[slot] = (Dp3Time) same(((Dp3Time) valid(Lax.datetime(r.node(), p))).aware());
        }
        timeFrom[slot] = from;
        timeTo[slot] = to;
        return times[slot];
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
        int kind = r.read();
        Object value;
        if (kind == JsonCursor.LONG && (type == Primitive.INT || type == Primitive.INT64)) {
            value = r.longValue();
        } else if (kind == JsonCursor.TEXT && type == Primitive.STRING) {
            value = r.textValue();
        } else {
            value = valid(type.validate(r.node(), p));
        }
        return same(value);
    }

    private Object series(AttributeSpec spec) throws Leave {
        r.expect('{');
        Map<String, List<Object>> found = new LinkedHashMap<>();
        Iterator<String> configured = spec.series().keySet().iterator();
        boolean inOrder = true;
        int length = -1;
        do {
            String name = r.string();
            r.expect(':');
            Primitive type = spec.series().get(name);
            if (type == null || found.containsKey(name)) {
                throw JsonCursor.LEAVE;
            }
            inOrder &= configured.hasNext() && configured.next().equals(name);
            List<Object> values = list(type);
            if (length >= 0 && values.size() != length) {
                throw JsonCursor.LEAVE; // series of different lengths
            }
            length = values.size();
            found.put(name, values);
        } while (r.next('}'));
        if (found.size() != spec.series().size()) {
            throw JsonCursor.LEAVE; // a series missing
        }
        if (!inOrder) {
            canonical = false;
            Map<String, List<Object>> ordered = new LinkedHashMap<>(); // DP3 writes the configured order
            spec.series().keySet().forEach(name -> ordered.put(name, found.get(name)));
            return ordered;
        }
        return found;
    }

    private List<Object> list(DataType element) throws Leave {
        r.expect('[');
        List<Object> out = new ArrayList<>();
        if (!r.empty(']')) {
            do {
                out.add(typed(element));
            } while (r.next(']'));
        }
        return out;
    }

    private ArrayNode tags() throws Leave {
        r.expect('[');
        ArrayNode tags = JsonNodeFactory.instance.arrayNode();
        if (r.empty(']')) {
            canonical = false; // DP3 leaves out empty tags
            return tags;
        }
        do {
            tags.add(TextNode.valueOf(r.string()));
        } while (r.next(']'));
        return tags;
    }

    // --- values -------------------------------------------------------------------------------

    /** The validated value, when the validator found no problem. */
    private Object valid(Object value) throws Leave {
        if (value == Lax.INVALID || p.count() > 0) {
            throw JsonCursor.LEAVE;
        }
        return value;
    }

    /** Notes whether DP3 writes {@code value} exactly as the last scalar's bytes; returns the value. */
    private Object same(Object value) {
        if (canonical) {
            int start = r.scalarStart();
            int end = r.pos();
            if (r.kind() == JsonCursor.TEXT && value instanceof String s) {
                canonical = s == r.textValue() || r.bytesAre(s, start + 1, end - 1);
            } else if (r.kind() == JsonCursor.LONG && value instanceof Long l && l == r.longValue()) {
                canonical = r.byteAt(start) != '-' || r.byteAt(start + 1) != '0'; // DP3 writes -0 as 0
            } else {
                canonical = writtenAs(value, start, end);
            }
        }
        return value;
    }

    /** Whether DP3 writes {@code value} as the bytes from {@code start} to {@code end}. */
    private boolean writtenAs(Object value, int start, int end) {
        scratch.setLength(0);
        ModelJson.value(scratch, value);
        return r.bytesAre(scratch, start, end);
    }
}
