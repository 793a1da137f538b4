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

/** An entity named in a snapshot: its type and id (a JSON string or number). */
public record EntityRef(String etype, JsonNode eid) {

    /** {@code etype:eid}, the form DP3 hashes. */
    public String key() {
        return etype + ":" + EntityIds.keyForm(eid);
    }
}
