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

/**
 * A data point as DP3's model validated it. A field DP3 would not write is {@code null} (absent,
 * null after validation, or ignored as {@code t1} of a plain attribute).
 *
 * @param eid   the data point's own eid, validated by the entity's id type (equal to the task's)
 * @param attr  attribute id
 * @param kind  the attribute's type
 * @param src   source, or {@code null}
 * @param v     the validated value (see {@link Primitive} and {@link Composite} for the Java types);
 *              a {@code special} or {@code json} null is a {@code NullNode}
 * @param c     confidence: a {@code Double} for observations, the given JSON otherwise; {@code null} when not given
 * @param t1    start ({@link Dp3Time}, always aware), {@code null} for a plain attribute
 * @param t2    end ({@link Dp3Time}, always aware), {@code null} when the input had no {@code t2}
 */
public record ValidatedPoint(Object eid, String attr, AttributeSpec.Kind kind, String src, Object v, Object c,
        Object t1, Object t2) {
}
