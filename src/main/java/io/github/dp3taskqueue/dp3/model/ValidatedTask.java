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

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A DataPointTask DP3's worker accepts, with its canonical eid and its data points' validated
 * values, and the message DP3 writes for it ({@link #message()}, written when first asked for: a
 * consumer that only reads the values never needs it).
 */
public final class ValidatedTask {

    private final String etype;
    private final Object eid;
    private final List<ValidatedPoint> points;
    private final JsonNode tags;
    private final Map<String, Object> ttlTokens;
    private final boolean ttlGiven;
    private final boolean delete;
    private final EntitySpec entity;
    private byte[] message;

    ValidatedTask(EntitySpec entity, Object eid, List<ValidatedPoint> points, JsonNode tags,
            Map<String, Object> ttlTokens,
            boolean ttlGiven, boolean delete) {
        this.etype = entity.id();
        this.entity = entity;
        this.eid = eid;
        this.points = List.copyOf(points);
        this.tags = tags;
        this.ttlTokens = ttlTokens;
        this.ttlGiven = ttlGiven;
        this.delete = delete;
    }

    /** Entity type. */
    public String etype() {
        return etype;
    }

    /** Canonical eid: a {@code String}, or a {@code Long}/{@code BigInteger} for {@code int} ids. */
    public Object eid() {
        return eid;
    }

    /** The data points, in order. */
    public List<ValidatedPoint> points() {
        return points;
    }

    /** The tags as given, or {@code null} when absent. */
    public JsonNode tags() {
        return tags;
    }

    /** Name to validated datetime ({@link Dp3Time}), or {@code null} when absent or null. */
    public Map<String, Object> ttlTokens() {
        return ttlTokens;
    }

    /** Whether the entity is deleted. */
    public boolean delete() {
        return delete;
    }

    /** The body to publish: DP3's own {@code as_message()} bytes (MODEL.md §4). */
    public synchronized byte[] message() {
        if (message == null) {
            message = ModelJson.write(this, entity);
        }
        return message;
    }

    /** This task with its message already known (the body it was read from, when that is DP3's own form). */
    ValidatedTask written(byte[] bytes) {
        message = bytes;
        return this;
    }

    boolean ttlGiven() {
        return ttlGiven;
    }

    /** {@code etype:eid}, the key DP3 hashes to choose the worker. */
    public String routingKey() {
        return etype + ":" + eid;
    }
}
