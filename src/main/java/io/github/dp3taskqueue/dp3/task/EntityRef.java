package io.github.dp3taskqueue.dp3.task;

import com.fasterxml.jackson.databind.JsonNode;

/** An entity named in a snapshot: its type and id (a JSON string or number). */
public record EntityRef(String etype, JsonNode eid) {

    /** {@code etype:eid}, the form DP3 hashes. */
    public String key() {
        return etype + ":" + EntityIds.keyForm(eid);
    }
}
