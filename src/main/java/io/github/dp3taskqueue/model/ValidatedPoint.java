package io.github.dp3taskqueue.model;

/**
 * A data point as DP3's model validated it. A field DP3 would not write is {@code null} (absent,
 * null after validation, or ignored as {@code t1} of a plain attribute).
 *
 * @param attr  attribute id
 * @param kind  the attribute's type
 * @param src   source, or {@code null}
 * @param v     the validated value (see {@link Primitive} and {@link Composite} for the Java types);
 *              a {@code special} or {@code json} null is a {@code NullNode}
 * @param c     confidence: a {@code Double} for observations, the given JSON otherwise; {@code null} when not given
 * @param t1    start ({@code OffsetDateTime}), {@code null} for a plain attribute
 * @param t2    end ({@code OffsetDateTime}), {@code null} when the input had no {@code t2}
 */
public record ValidatedPoint(String attr, AttributeSpec.Kind kind, String src, Object v, Object c, Object t1, Object t2) {
}
