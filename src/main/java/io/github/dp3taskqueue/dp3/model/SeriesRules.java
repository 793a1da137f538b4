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

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.dp3taskqueue.dp3.model.TaskEid.Uncaught;
import io.github.dp3taskqueue.dp3.time.Dp3Time;

/**
 * DP3's timeseries root validators (MODEL.md §3.5), with Python's comparison semantics: aware
 * datetimes compare by instant, naive ones by their local value, and comparing one with the other
 * raises {@code TypeError}, which DP3's worker does not turn into an error list.
 */
final class SeriesRules {

    private SeriesRules() {
    }

    /** The failed assertion's text, or {@code null} when the data point passes. */
    static String check(AttributeSpec spec, Map<String, List<Object>> v, Dp3Time t1, Dp3Time t2) throws Uncaught {
        switch (spec.timeseriesType()) {
            case "regular" -> {
                if (spec.timeStep() == null) {
                    throw new Uncaught("TypeError", "unsupported operand type(s) for *: 'int' and 'NoneType'"
                            + " (the regular timeseries '" + spec.id() + "' has no timeseries_params.time_step)");
                }
                int length = v.values().iterator().next().size();
                Dp3Time correct = t1.plus(times(spec.timeStep(), length));
                if (t2.compareTo(correct) != 0) {
                    return "Difference of t1 and t2 is invalid. Must be values_len*time_step.";
                }
                return null;
            }
            case "irregular" -> {
                List<Object> time = v.get("time");
                if (time.isEmpty()) {
                    throw new Uncaught("IndexError", "list index out of range (empty 'time' series)");
                }
                if (compare(t1, time.get(0)) > 0) {
                    return "'t1' is above first item in 'time' series (" + str(time.get(0)) + ")";
                }
                Object last = time.get(time.size() - 1);
                if (compare(t2, last) < 0) {
                    return "'t2' is below last item in 'time' series (" + str(last) + ")";
                }
                for (int i = 0; i + 1 < time.size(); i++) {
                    if (compare(time.get(i), time.get(i + 1)) > 0) {
                        return "'time' series is not ordered";
                    }
                }
                return null;
            }
            default -> {
                List<Object> first = v.get("time_first");
                List<Object> last = v.get("time_last");
                if (first.isEmpty() || last.isEmpty()) {
                    throw new Uncaught("IndexError", "list index out of range (empty 'time_first'/'time_last' series)");
                }
                if (compare(t1, first.get(0)) > 0) {
                    return "'t1' is above first item in 'time_first' series (" + str(first.get(0)) + ")";
                }
                if (compare(t2, last.get(last.size() - 1)) < 0) {
                    return "'t2' is below last item in 'time_last' series (" + str(last.get(last.size() - 1)) + ")";
                }
                for (int i = 0; i < Math.min(first.size(), last.size()); i++) {
                    if (compare(first.get(i), last.get(i)) > 0) {
                        return "'time_first[i] <= time_last[i]' isn't true for all 'i'";
                    }
                }
                return null;
            }
        }
    }

    /**
     * {@code step * n}, as {@link Duration#multipliedBy} gives it but without its BigDecimal
     * arithmetic, a large share of the fast path's allocation (docs/decisions/fast-path.md).
     */
    static Duration times(Duration step, int n) {
        try {
            return Duration.ofSeconds(Math.multiplyExact(step.getSeconds(), n), (long) step.getNano() * n);
        } catch (ArithmeticException e) {
            return step.multipliedBy(n); // the edge of the range: exactly as before, overflow included
        }
    }

    private static int compare(Object a, Object b) throws Uncaught {
        Dp3Time x = (Dp3Time) a;
        Dp3Time y = (Dp3Time) b;
        if (x.isAware() != y.isAware()) {
            throw new Uncaught("TypeError", "can't compare offset-naive and offset-aware datetimes");
        }
        return x.compareTo(y);
    }

    /** Python's {@code str(datetime)}: {@code 2024-05-01 12:05:00+00:00}. */
    private static String str(Object time) {
        return ((Dp3Time) time).pythonStr();
    }
}
