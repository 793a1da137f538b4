package io.github.dp3taskqueue.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A DataPointTask DP3's worker accepts, with its canonical eid and its data points' validated
 * values, and the message DP3 writes for it ({@link #message()}).
 *
 * @param etype      entity type
 * @param eid        canonical eid: a {@code String}, or a {@code Long}/{@code BigInteger} for {@code int} ids
 * @param points     the data points, in order
 * @param tags       the tags as given, or {@code null} when absent
 * @param ttlTokens  name to validated datetime, or {@code null} when absent or null
 * @param delete     whether the entity is deleted
 * @param message    the body to publish: DP3's own {@code as_message()} bytes (MODEL.md §4)
 */
public record ValidatedTask(String etype, Object eid, List<ValidatedPoint> points, JsonNode tags,
        Map<String, Object> ttlTokens, boolean delete, byte[] message) {

    /** {@code etype:eid}, the key DP3 hashes to choose the worker. */
    public String routingKey() {
        return etype + ":" + eid;
    }
}
