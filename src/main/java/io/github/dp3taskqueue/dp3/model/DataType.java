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

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A DP3 data type: how a JSON value is validated (pydantic's lax mode, MODEL.md §3) and what Java
 * value it becomes. Composite types hold their element types.
 */
public sealed interface DataType
        permits Primitive, Composite.Category, Composite.ListOf, Composite.Dict, Composite.Link,
        Composite.ReadOnly {

    /**
     * The validated value, or {@link Lax#INVALID} after the problems were added at the current
     * location of {@code p}.
     */
    Object validate(JsonNode in, Problems p);

    /** The config spelling, e.g. {@code array<int>}. */
    String configName();
}
