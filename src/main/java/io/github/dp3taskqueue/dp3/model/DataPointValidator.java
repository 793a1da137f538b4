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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.dp3taskqueue.dp3.model.TaskEid.Uncaught;
import io.github.dp3taskqueue.dp3.time.Dp3Time;

/**
 * One data point validated with its attribute's model, as DP3's {@code DataPoint*} models do it
 * (MODEL.md §3.3, §3.5): every field in order {@code etype, eid, attr, src, v, c, t1, t2}, then,
 * when all are valid, the timeseries rules.
 */
final class DataPointValidator {

    private DataPointValidator() {
    }

    /** The validated point, or {@code null} after problems were added. */
    static ValidatedPoint validate(JsonNode dp, EntitySpec entity, AttributeSpec spec, Problems p) throws Uncaught {
        int before = p.count();
        Primitive eidType = spec.dataType() instanceof Composite.ReadOnly r ? r.eidType() : entity.idDataType();
        Object eid = field(dp, "eid", p, in -> eidType.validate(in, p));
        JsonNode srcIn = dp.get("src");
        String src = null;
        if (srcIn != null && !srcIn.isNull()) {
            p.push("src");
            Object checked = Lax.string(srcIn, p);
            p.pop();
            src = checked instanceof String s ? s : null;
        }
        boolean timeseries = spec.kind() == AttributeSpec.Kind.TIMESERIES;
        Object v = field(dp, "v", p, in -> timeseries ? series(in, spec, p) : spec.dataType().validate(in, p));
        Object c = confidence(dp.get("c"), spec, p);
        Object t1 = null;
        Object t2 = null;
        JsonNode t2In = dp.get("t2");
        if (spec.kind() == AttributeSpec.Kind.PLAIN) {
            if (t2In != null && !t2In.isNull()) {
                p.addAt("t2", "none_required", "Input should be None", t2In);
            }
        } else {
            t1 = field(dp, "t1", p, in -> aware(Lax.datetime(in, p)));
            p.push("t2");
            Object end;
            if (t2In == null || falsy(t2In)) {
                end = t1 instanceof Dp3Time ? t1 : null;
                if (end == null) {
                    p.add("datetime_type", "Input should be a valid datetime", null);
                }
            } else {
                end = aware(Lax.datetime(t2In, p));
                if (end instanceof Dp3Time e && t1 instanceof Dp3Time s && e.compareTo(s) < 0) {
                    p.add("assertion_error", "Assertion failed, 't2' is before 't1'", t2In);
                }
            }
            p.pop();
            t2 = t2In == null ? null : end;
        }
        if (p.count() > before) {
            return null;
        }
        if (timeseries) {
            @SuppressWarnings("unchecked")
            Map<String, List<Object>> values = (Map<String, List<Object>>) v;
            String failed = SeriesRules.check(spec, values, (Dp3Time) t1,
                    t2In == null || falsy(t2In) ? (Dp3Time) t1 : (Dp3Time) t2);
            if (failed != null) {
                p.add("assertion_error", "Assertion failed, " + failed, dp);
                return null;
            }
        }
        return new ValidatedPoint(eid, spec.id(), spec.kind(), src, v, c, t1, t2);
    }

    private interface Check {
        Object apply(JsonNode in) throws Uncaught;
    }

    private static Object field(JsonNode dp, String name, Problems p, Check check) throws Uncaught {
        JsonNode in = dp.get(name);
        p.push(name);
        try {
            if (in == null) {
                p.add("missing", "Field required", dp);
                return Lax.INVALID;
            }
            return check.apply(in);
        } finally {
            p.pop();
        }
    }

    private static Object confidence(JsonNode in, AttributeSpec spec, Problems p) {
        if (in == null) {
            return null;
        }
        if (spec.kind() != AttributeSpec.Kind.OBSERVATIONS) {
            return in; // any value, kept as given
        }
        return unitFloat(in, p);
    }

    /**
     * {@code c}: a float in [0, 1] (DP3's {@code Field(ge=0.0, le=1.0)}), in the worker form and the API form alike.
     */
    static Object unitFloat(JsonNode in, Problems p) {
        p.push("c");
        try {
            Object value = Lax.floating(in, p);
            if (value instanceof Double d) {
                if (!(d <= 1.0)) {
                    p.add("less_than_equal", "Input should be less than or equal to 1", in, Map.of("le", 1.0));
                    return Lax.INVALID;
                }
                if (!(d >= 0.0)) {
                    p.add("greater_than_equal", "Input should be greater than or equal to 0", in, Map.of("ge", 0.0));
                    return Lax.INVALID;
                }
            }
            return value;
        } finally {
            p.pop();
        }
    }

    /** The timeseries value: every configured series (implicit ones included) as a list of its type. */
    private static Object series(JsonNode in, AttributeSpec spec, Problems p) {
        if (!in.isObject()) {
            p.add("model_type",
                    "Input should be a valid dictionary or instance of DataPointTimeseriesValue_" + spec.id(), in);
            return Lax.INVALID;
        }
        int before = p.count();
        Map<String, List<Object>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Primitive> series : spec.series().entrySet()) {
            JsonNode values = in.get(series.getKey());
            p.push(series.getKey());
            if (values == null) {
                p.add("missing", "Field required", in);
            } else if (!values.isArray()) {
                p.add("list_type", "Input should be a valid list", values);
            } else {
                List<Object> list = new ArrayList<>(values.size());
                for (int i = 0; i < values.size(); i++) {
                    p.push(i);
                    list.add(series.getValue().validate(values.get(i), p));
                    p.pop();
                }
                out.put(series.getKey(), list);
            }
            p.pop();
        }
        if (p.count() > before) {
            return Lax.INVALID;
        }
        Set<Integer> lengths = new TreeSet<>();
        out.values().forEach(list -> lengths.add(list.size()));
        if (lengths.size() != 1) {
            p.add("assertion_error", "Assertion failed, Series values have different lengths: " + lengths.toString()
                    .replace('[', '{').replace(']', '}'), in);
            return Lax.INVALID;
        }
        return out;
    }

    /** DP3's {@code AwareDatetime}: a naive value is taken as UTC. */
    private static Object aware(Object value) {
        return value instanceof Dp3Time time ? time.aware() : value;
    }

    /** Python's truthiness of a JSON value. */
    static boolean falsy(JsonNode in) {
        return switch (in.getNodeType()) {
            case NULL, MISSING -> true;
            case BOOLEAN -> !in.booleanValue();
            case NUMBER -> in.isIntegralNumber() ? in.bigIntegerValue().signum() == 0 : in.doubleValue() == 0.0;
            case STRING -> in.textValue().isEmpty();
            case ARRAY, OBJECT -> in.size() == 0;
            default -> false;
        };
    }
}
