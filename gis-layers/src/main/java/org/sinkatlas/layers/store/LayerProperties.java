package org.sinkatlas.layers.store;

import java.util.List;
import java.util.Optional;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyDef;

/** What every engine's {@link LayerStore#addProperties} decides the same way. */
public final class LayerProperties {

    private LayerProperties() {}

    /** The properties of {@code wanted} that a layer lacks. @throws IllegalArgumentException for a type clash */
    public static List<PropertyDef> newProperties(LayerInfo layer, List<PropertyDef> wanted) {
        List<PropertyDef> added = new java.util.ArrayList<>();
        for (PropertyDef p : wanted) {
            Optional<PropertyDef> has = layer.property(p.name());
            if (has.isEmpty()) added.add(p);
            else if (has.get().type() != p.type()) {
                throw new IllegalArgumentException("layer " + layer.id() + " has a property " + p.name() + " of type "
                        + has.get().type() + ", not " + p.type());
            }
        }
        return added;
    }

    /** A layer's definition with more properties at the end. */
    public static LayerInfo withProperties(LayerInfo layer, List<PropertyDef> added) {
        List<PropertyDef> all = new java.util.ArrayList<>(layer.properties());
        all.addAll(added);
        return new LayerInfo(layer.id(), layer.title(), layer.description(), layer.geometryKind(), all, layer.temporalProperty(),
                layer.published(), layer.attribution(), layer.keywords());
    }
}
