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

import io.github.dp3taskqueue.dp3.json.FloatFormat;

/** How an entity id (a JSON string or number) is written in DP3's hash keys. */
public final class EntityIds {

    private EntityIds() {
    }

    /**
     * The eid as Python's {@code str()} prints it, which is what DP3 puts after {@code etype:}:
     * a string unchanged, an integer in decimal, a float as Python's repr.
     */
    public static String keyForm(JsonNode eid) {
        if (eid == null || eid.isNull()) {
            return "None";
        }
        if (eid.isTextual()) {
            return eid.textValue();
        }
        if (eid.isInt() || eid.isLong()) {
            return Long.toString(eid.longValue());
        }
        if (eid.isIntegralNumber()) {
            return eid.bigIntegerValue().toString();
        }
        if (eid.isNumber()) {
            return FloatFormat.python(eid.doubleValue());
        }
        return eid.toString();
    }
}
