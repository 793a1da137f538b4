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
package io.github.dp3taskqueue.dp3.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One DP3 data point. Optional fields are {@code null} when the key was not given, so that the
 * JSON written back omits exactly the keys that were omitted (DP3 writes data points with
 * unset keys left out); a key given as JSON {@code null} is kept as a {@code NullNode}.
 *
 * @param etype entity type
 * @param eid   entity id, a JSON string or number
 * @param attr  attribute name
 * @param src   source, a JSON string or null; {@code null} when absent
 * @param v     the value, any JSON; {@code null} when absent
 * @param c     confidence, a JSON number or null; {@code null} when absent
 * @param t1    start of validity, a canonical datetime string or null; {@code null} when absent
 * @param t2    end of validity, as {@code t1}
 * @param value the value as DP3's model validated it (README, "Validation"), or {@code null} when the
 *              endpoint has no DP3 model ({@code configDir})
 */
public record DataPoint(String etype, JsonNode eid, String attr, JsonNode src, JsonNode v, JsonNode c,
        JsonNode t1, JsonNode t2, Object value) {

    /** A data point not checked against a DP3 model. */
    public DataPoint(String etype, JsonNode eid, String attr, JsonNode src, JsonNode v, JsonNode c, JsonNode t1,
            JsonNode t2) {
        this(etype, eid, attr, src, v, c, t1, t2, null);
    }

    /** The same data point with another entity id (used when canonicalising). */
    public DataPoint withEid(JsonNode newEid) {
        return new DataPoint(etype, newEid, attr, src, v, c, t1, t2, value);
    }

    /** The same data point with its validated value. */
    public DataPoint withValue(Object validated) {
        return new DataPoint(etype, eid, attr, src, v, c, t1, t2, validated);
    }
}
