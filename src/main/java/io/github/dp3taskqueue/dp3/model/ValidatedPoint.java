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
