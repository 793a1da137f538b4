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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One attribute of an entity type: its kind, data type and, for a timeseries, its series (the
 * configured ones in configuration order, then DP3's implicit time series) and type.
 *
 * @param id             attribute id
 * @param kind           plain, observations or timeseries
 * @param dataType       the value type ({@code null} for a timeseries)
 * @param timeseriesType {@code regular}, {@code irregular} or {@code irregular_intervals}; {@code null} otherwise
 * @param series         series name to data type, for a timeseries
 * @param timeStep       a regular timeseries' {@code time_step}, {@code null} when not configured
 */
public record AttributeSpec(String id, Kind kind, DataType dataType, String timeseriesType,
        Map<String, Primitive> series,
        Duration timeStep) {

    /** DP3's attribute types. */
    public enum Kind {
        PLAIN, OBSERVATIONS, TIMESERIES
    }

    public AttributeSpec {
        series = series == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(series));
    }
}
