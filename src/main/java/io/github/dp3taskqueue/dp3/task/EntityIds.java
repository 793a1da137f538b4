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
