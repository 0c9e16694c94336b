package org.sinkatlas.sink.standard;

import java.util.List;
import org.sinkatlas.layers.model.Localized;

/**
 * A kind of land with its own figures: a land-cover class row, or a part of urban green space (tree crown,
 * lawn, paved). Its carbon pools (biomass, soil, dead organic matter) and its other fluxes.
 *
 * @param id e.g. {@code class 0301} or {@code tree_crown}
 */
public record LandType(String id, Localized name, Biomass biomass, Soil soil, DeadMatter dead, List<Flux> fluxes) {

    public LandType {
        fluxes = List.copyOf(fluxes);
    }

    // A standard has one land type per id: equal by id, so that histories hash cheaply.
    @Override
    public boolean equals(Object o) {
        return o instanceof LandType t && t.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
