package org.sinkatlas.sink.standard;

import java.util.List;
import org.sinkatlas.layers.model.Localized;

/**
 * One row of the standard: one or more land-cover classes (GB/T 21010-2017 codes) that share their
 * figures. Urban green rows have no figures of their own: they are split by {@code urbanGreen} into the
 * standard's components (tree crown, lawn, paved).
 *
 * @param type       the row's figures, or null for an urban-green row
 * @param urbanGreen id of an urban-green split, or null
 * @param assessed   false for classes that do not occur in the zone and were not assessed
 * @param category   how the row's sink is counted: an id of the standard's eligibility categories
 */
public record ClassRow(List<String> codes, Localized name, boolean assessed, LandType type, String urbanGreen,
        String category, Localized note, int line) {

    public ClassRow {
        codes = List.copyOf(codes);
    }

    public boolean isUrbanGreen() {
        return urbanGreen != null;
    }
}
