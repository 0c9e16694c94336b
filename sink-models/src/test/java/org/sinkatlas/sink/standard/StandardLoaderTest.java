package org.sinkatlas.sink.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sinkatlas.sink.analysis.FigureStatus;

class StandardLoaderTest {

    private static String released(String version) throws IOException {
        try (InputStream in = StandardLoaderTest.class.getResourceAsStream("/standards/yrd-ess-" + version + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void bothReleasedStandardsLoadAndTheNewestIsCurrent() {
        StandardCatalog catalog = StandardCatalog.builtIn();
        SinkStandard s = catalog.current();
        assertEquals("yrd-ess@2027.1", s.key());
        assertEquals(SinkStandard.Method.STOCK_CHANGE, s.method());
        for (String code : LandCoverCodes.all().keySet()) s.row(code);
        assertEquals(28, s.gwp("ar5").orElseThrow().ch4().value(), 0);
        assertEquals(273, s.gwp("ar6").orElseThrow().n2o().value(), 0);
        assertEquals("ar5", s.defaultGwp());
        assertInstanceOf(Biomass.Growing.class, s.row("0301").type().biomass());
        assertInstanceOf(Flux.RiceMethane.class, s.row("0101").type().fluxes().get(0));
        assertTrue(s.row("1104").type().fluxes().stream().allMatch(f -> ((Flux.Rate) f).netted()), "every flux netted");
        assertTrue(s.row("0810").isUrbanGreen());
        assertEquals(3, s.screen().rules().stream().filter(r -> r.id().equals("non_forest_before")).findFirst().orElseThrow()
                .parameter("years"), 0);
        assertThrows(IllegalArgumentException.class, () -> s.row("9999"));

        // 2026.1 is still there, as released: fixed pools, rates, methane partly not netted, one methane GWP.
        SinkStandard old = catalog.find("yrd-ess@2026.1").orElseThrow();
        assertEquals(SinkStandard.Method.CONSTANT_RATES, old.method());
        Biomass.Fixed forest = (Biomass.Fixed) old.row("0301").type().biomass();
        assertEquals(38.2, forest.aboveGround().value(), 0);
        assertEquals(75.0, ((Soil.Fixed) old.row("0301").type().soil()).stock().value(), 0);
        Flux.Rate pond = (Flux.Rate) old.row("1104").type().fluxes().get(1);
        assertEquals(Flux.Gas.CH4, pond.gas());
        assertTrue(!pond.netted(), "2026.1 showed unverified pond methane without netting it");
        assertEquals(27.0, old.gwp(null).orElseThrow().ch4().value(), 0);
    }

    @Test
    void theShareOfFiguresReadInTheirSourceIsCountedAndDocumented() throws IOException {
        // 2026.1: the review of December 2026 counted 63 measured figures: V 3, V2 9, D 7, U 44.
        FigureStatus old = FigureStatus.of(StandardCatalog.builtIn().find("yrd-ess@2026.1").orElseThrow());
        assertEquals(63, old.measured());
        assertEquals(java.util.List.of(3, 9, 7, 44), java.util.List.of(old.byStatus().get(Checked.V), old.byStatus().get(Checked.V2),
                old.byStatus().get(Checked.D), old.byStatus().get(Checked.U)));
        FigureStatus now = FigureStatus.of(StandardCatalog.builtIn().current());
        assertEquals(now.measured() - now.byStatus().get(Checked.V), now.notRead().size());
        // The documentation states the same share: it is counted here, not written by hand.
        String doc = Files.readString(Path.of("..", "docs", "sink-standard.md"));
        String share = String.format(Locale.ROOT, "%d of %d measured figures (%.0f %%)", now.byStatus().get(Checked.V),
                now.measured(), now.readShare() * 100);
        assertTrue(doc.contains(share), "docs/sink-standard.md should say: " + share);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "codes: [\"0301\"]|codes: [\"0399\"]|'0399' is not a GB/T 21010-2017 land-cover code",
        "above_ground: {value: 38.2, source: yang2022|above_ground: {value: -38.2, source: yang2022|a carbon stock cannot be negative",
        "{low: 1.5, central: 3.3, high: 11.0|{low: 12.0, central: 3.3, high: 11.0|low (12.0) is above high (11.0)",
        "removal: {low: 0.3, central: 1.5, high: 3.5, distribution: triangular, source: sa-assumption|removal: {low: 0.3, central: 1.5, high: 3.5, distribution: triangular, source: nobody|unknown source 'nobody'",
        "park: {tree_crown: 0.40, lawn: 0.40|park: {tree_crown: 0.40, lawn: 0.50|must be shares that sum to 1",
        "distribution: triangular, netted: true|distribution: bell, netted: true|unknown distribution 'bell'",
        "  - codes: [\"0305\"]|  - codes: [\"0301\"]|land cover 0301 is in two rows"
    })
    void aBrokenReleasedStandardIsRefusedNamingTheLine(String original, String broken, String reason) throws IOException {
        assertRefused(released("2026.1"), original, broken, reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "model: growing|model: sprouting|unknown model 'sprouting'",
        "  default: ar5|  default: sar|the default GWP set 'sar' is not defined",
        "    - id: permanence|    - id: luck|unknown screen rule 'luck'",
        "      young_years: 4|      young_years: 4{NL}      dry_matter: true|no carbon_fraction",
        "gas: ch4|gas: co2|is ch4 or n2o (CO2 comes from the stock changes)"
    })
    void aBrokenStockChangeStandardIsRefusedNamingTheLine(String original, String broken, String reason) throws IOException {
        assertRefused(released("2027.1"), original, broken.replace("{NL}", "\n"), reason);
    }

    private static void assertRefused(String text, String original, String broken, String reason) {
        assertTrue(text.contains(original), "test text not found: " + original);
        String changed = text.replaceFirst(java.util.regex.Pattern.quote(original), java.util.regex.Matcher.quoteReplacement(broken));
        int line = 1 + (int) text.substring(0, text.indexOf(original)).chars().filter(c -> c == '\n').count();
        StandardException e = assertThrows(StandardException.class,
                () -> StandardLoader.read(new StringReader(changed), "broken.yaml"));
        assertTrue(e.getMessage().startsWith("broken.yaml line "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        int reported = Integer.parseInt(e.getMessage().replaceAll("(?s)^broken.yaml line (\\d+):.*$", "$1"));
        // A fault of the whole file is reported at its top.
        assertTrue(Math.abs(reported - line) <= 12 || reported == 1, "reported line " + reported + " near the change at " + line);
    }

    @Test
    void aMissingCodeIsNamed() throws IOException {
        String changed = released("2026.1").replace("codes: [\"0305\"]", "codes: [\"0305x\"]").replace("[\"0305x\"]", "[]");
        StandardException e = assertThrows(StandardException.class,
                () -> StandardLoader.read(new StringReader(changed), "broken.yaml"));
        assertTrue(e.getMessage().contains("a row needs at least one code"), e.getMessage());
        String dropped = released("2027.1").replace("codes: [\"0305\"]", "codes: [\"0303\"]").replace("codes: [\"0303\", \"0304\", \"0306\"]",
                "codes: [\"0304\", \"0306\"]");
        StandardException e2 = assertThrows(StandardException.class,
                () -> StandardLoader.read(new StringReader(dropped), "broken.yaml"));
        assertTrue(e2.getMessage().contains("have no row: [0305]"), e2.getMessage());
    }
}
