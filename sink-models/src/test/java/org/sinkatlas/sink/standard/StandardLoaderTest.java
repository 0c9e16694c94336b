package org.sinkatlas.sink.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StandardLoaderTest {

    private static String released() throws IOException {
        try (InputStream in = StandardLoaderTest.class.getResourceAsStream("/standards/yrd-ess-2026.1.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theReleasedStandardCoversEveryGbTCodeWithSourcedFigures() {
        SinkStandard s = StandardCatalog.builtIn().current();
        assertEquals("yrd-ess@2026.1", s.key());
        for (String code : LandCoverCodes.all().keySet()) s.row(code);
        assertEquals(27.0, s.parameter("gwp_ch4"), 0);
        ClassRow forest = s.row("0301");
        assertEquals(120.8, forest.pools().total(), 1e-9);
        assertEquals(Checked.D, forest.removal().checked());
        assertEquals("yang2022", forest.removal().source());
        assertTrue(s.row("0101").methane().netted());
        assertTrue(!s.row("1104").methane().netted(), "unverified pond methane is shown, not netted");
        assertTrue(s.row("0810").isUrbanGreen());
        assertThrows(IllegalArgumentException.class, () -> s.row("9999"));
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
    void aBrokenStandardIsRefusedNamingTheLine(String original, String broken, String reason) throws IOException {
        String text = released();
        assertTrue(text.contains(original), "test text not found: " + original);
        String changed = text.replaceFirst(java.util.regex.Pattern.quote(original), java.util.regex.Matcher.quoteReplacement(broken));
        int line = 1 + (int) text.substring(0, text.indexOf(original)).chars().filter(c -> c == '\n').count();
        StandardException e = assertThrows(StandardException.class,
                () -> StandardLoader.read(new StringReader(changed), "broken.yaml"));
        assertTrue(e.getMessage().startsWith("broken.yaml line "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        int reported = Integer.parseInt(e.getMessage().replaceAll("^broken.yaml line (\\d+):.*$", "$1"));
        assertTrue(Math.abs(reported - line) <= 12, "reported line " + reported + " near the change at " + line);
    }

    @Test
    void aMissingCodeIsNamed() throws IOException {
        String changed = released().replace("codes: [\"0305\"]", "codes: []");
        StandardException e = assertThrows(StandardException.class,
                () -> StandardLoader.read(new StringReader(changed), "broken.yaml"));
        assertTrue(e.getMessage().contains("have no row: [0305]"), e.getMessage());
    }
}
