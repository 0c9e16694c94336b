package org.sinkatlas.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A rules file with a bad step is refused when it is read, naming the layer and the step. */
class TileRulesTest {

    private static String rules(String steps) {
        return "defaults: {minzoom: 8, maxzoom: 16, buffer: 4, simplify: 0.5, min_size: 0.75, max_features: 5000,"
                + " max_bytes: 500000}\nlayers:\n  parcels:\n    style: {kind: fill, by: {property: sink_density, default:"
                + " \"#dddddd\", steps: [" + steps + "]}}\n";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "|by.steps is empty",
        "{color: \"#111111\", label: {zh: a, en: a}}, {below: 2, color: \"#222222\", label: {zh: b, en: b}}|step 1 needs a number 'below' (only the last step has none), not null",
        "{below: 2, color: \"#111111\", label: {zh: a, en: a}}, {below: 1, color: \"#222222\", label: {zh: b, en: b}}, {color: \"#333333\", label: {zh: c, en: c}}"
                + "|step bounds must rise: step 2 has below 1.0 after 2.0",
        "{below: x, color: \"#111111\", label: {zh: a, en: a}}, {color: \"#222222\", label: {zh: b, en: b}}|step 1 needs a number 'below' (only the"
                + " last step has none), not x",
        "{below: 1, color: \"#111111\", label: {zh: a, en: a}}, {below: 2, color: \"#222222\", label: {zh: b, en: b}}|the last step must have no 'below' bound"
    })
    void badStepsAreRefusedWhenTheFileIsRead(String steps, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TileRules.read(new StringReader(rules(steps == null ? "" : steps)), "layers.yaml"));
        assertEquals("layers.yaml, layer parcels: " + message, e.getMessage());
    }
}
