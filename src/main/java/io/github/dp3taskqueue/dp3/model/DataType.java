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
