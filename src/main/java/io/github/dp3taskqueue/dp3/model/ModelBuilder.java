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

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Assembles a {@link DataModel} as DP3's {@code ModelSpec} does: entity types first, then their
 * attributes (whose links must name a known entity type), then the read-only mirrors of mirrored
 * links on the linked entity types.
 */
public final class ModelBuilder {

    /** A problem of the model that belongs to one entity type's file. */
    public static final class ModelException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String etype;

        ModelException(String etype, String message) {
            super(message);
            this.etype = etype;
        }

        public String etype() {
            return etype;
        }
    }

    private record Pending(String etype, String attr, AttributeSpec.Kind kind, String dataType, String timeseriesType,
            Map<String, String> series, Duration timeStep) {
    }

    private final Map<String, IdType> idTypes = new LinkedHashMap<>();
    private final Map<String, Map<String, Pending>> pending = new LinkedHashMap<>();

    public void entity(String etype, IdType idType) {
        idTypes.put(etype, idType);
        pending.put(etype, new LinkedHashMap<>());
    }

    /** A plain or observations attribute. */
    public void attribute(String etype, String attr, AttributeSpec.Kind kind, String dataType) {
        pending.get(etype).put(attr, new Pending(etype, attr, kind, dataType, null, null, null));
    }

    /** A timeseries attribute; {@code series} maps each configured series to its data type name. */
    public void timeseries(String etype, String attr, String timeseriesType, Map<String, String> series,
            Duration timeStep) {
        pending.get(etype).put(attr,
                new Pending(etype, attr, AttributeSpec.Kind.TIMESERIES, null, timeseriesType, series,
                        timeStep));
    }

    public DataModel build() {
        Map<String, Map<String, AttributeSpec>> attributes = new LinkedHashMap<>();
        Map<String, String> mirrorOf = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Pending>> entity : pending.entrySet()) {
            Map<String, AttributeSpec> specs = new LinkedHashMap<>();
            for (Pending p : entity.getValue().values()) {
                specs.put(p.attr(), spec(p, mirrorOf));
            }
            attributes.put(entity.getKey(), specs);
        }
        for (Map.Entry<String, String> mirror : mirrorOf.entrySet()) {
            String[] target = mirror.getKey().split("\u0000");
            String[] source = mirror.getValue().split("\u0000");
            if (attributes.get(target[0]).containsKey(target[1])) {
                throw new ModelException(target[0], "'" + target[0] + "." + target[1] + "' is a mirrored attribute of "
                        + source[0] + "." + source[1] + ", but already exists in configuration. Mirrored attributes are"
                        + " defined implicitly, remove the definition.");
            }
            attributes.get(target[0]).put(target[1], new AttributeSpec(target[1], AttributeSpec.Kind.PLAIN,
                    new Composite.ReadOnly("set<link<" + source[0] + ">>",
                            new EntitySpec(source[0], idTypes.get(source[0]), Map.of()).idDataType()),
                    null, null, null));
        }
        Map<String, EntitySpec> entities = new LinkedHashMap<>();
        for (Map.Entry<String, IdType> entity : idTypes.entrySet()) {
            entities.put(entity.getKey(),
                    new EntitySpec(entity.getKey(), entity.getValue(), attributes.get(entity.getKey())));
        }
        return DataModel.declared(entities);
    }

    private AttributeSpec spec(Pending p, Map<String, String> mirrorOf) {
        try {
            if (p.kind() == AttributeSpec.Kind.TIMESERIES) {
                Map<String, Primitive> series = new LinkedHashMap<>();
                for (Map.Entry<String, String> s : p.series().entrySet()) {
                    series.put(s.getKey(), Primitive.of(s.getValue()));
                }
                switch (p.timeseriesType()) {
                    case "irregular" -> series.put("time", Primitive.TIME);
                    case "irregular_intervals" -> {
                        series.put("time_first", Primitive.TIME);
                        series.put("time_last", Primitive.TIME);
                    }
                    default -> {
                    }
                }
                return new AttributeSpec(p.attr(), p.kind(), null, p.timeseriesType(), series, p.timeStep());
            }
            DataTypeParser parser = new DataTypeParser();
            DataType type = parser.parse(p.dataType());
            for (Composite.Link link : parser.links()) {
                IdType target = idTypes.get(link.target());
                if (target == null) {
                    throw new IllegalArgumentException("Entity type '" + link.target() + "' is not defined");
                }
                link.resolve(new EntitySpec(link.target(), target, Map.of()).idDataType());
            }
            if (type instanceof Composite.Link link && link.mirror() != null
                    || type instanceof Composite.ListOf list && list.element() instanceof Composite.Link l
                            && l.mirror() != null) {
                Composite.Link link = type instanceof Composite.Link direct ? direct
                        : (Composite.Link) ((Composite.ListOf) type).element();
                mirrorOf.put(link.target() + "\u0000" + link.mirror(), p.etype() + "\u0000" + p.attr());
            }
            return new AttributeSpec(p.attr(), p.kind(), type, null, null, null);
        } catch (ModelException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ModelException(p.etype(),
                    "attribute '" + p.attr() + "': data_type '" + p.dataType() + "': " + e.getMessage());
        }
    }
}
