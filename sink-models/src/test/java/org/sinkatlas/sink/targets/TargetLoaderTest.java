package org.sinkatlas.sink.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetLoaderTest {

    /** The ids of the plan-summary table (docs/targets.md), which every build must answer for. */
    static final List<String> PLAN_SUMMARY = List.of("greenway-km", "vertical-greening-m2", "rural-parks", "forest-cover",
            "pv-added-mw", "pv-35mw-fishery", "new-energy-bus", "green-travel", "waste-sorting", "eco-cycle-bases",
            "low-carbon-factories", "smart-energy-stations", "hsr-energy-stations", "ultra-low-energy-buildings",
            "blue-pearl-shoreline", "water-living-room-2030");

    private static String builtIn() throws IOException {
        try (InputStream in = TargetLoaderTest.class.getResourceAsStream(TargetCatalog.BUILT_IN)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theBuiltInFileHoldsEveryTargetOfThePlanSummary() {
        TargetCatalog c = TargetCatalog.builtIn();
        assertEquals(LocalDate.of(2022, 6, 27), c.plan().issued());
        assertEquals("示范区执委会发〔2022〕15号", c.plan().document());
        for (String id : PLAN_SUMMARY) assertTrue(c.find(id).isPresent(), id);
        for (Target t : c.all()) {
            assertTrue(t.planText().length() > 8 && !t.clause().isBlank(), t.id());
            assertTrue(!t.title().zh().isBlank() && !t.title().en().isBlank() && !t.method().en().isBlank(), t.id());
        }
        Target greenways = c.find("greenway-km").orElseThrow();
        assertEquals(new Scope(Scope.Kind.DISTRICT, "青浦区"), greenways.scope());
        assertEquals(Unit.KM, greenways.unit());
        assertEquals(new Baseline(2020, null), greenways.baseline(), "measured at the plan's baseline year");
        assertEquals(List.of(new Milestone(LocalDate.of(2025, 12, 31), 45)), greenways.milestones());
        assertEquals(Measure.Quantity.LENGTH, greenways.measure().quantity());
        assertEquals(List.of("built"), greenways.measure().statuses());
        assertEquals("completed", greenways.measure().countedFrom());
        assertTrue(greenways.planText().contains("45公里绿道"));

        Target bus = c.find("new-energy-bus").orElseThrow();
        assertNull(bus.measure());
        assertEquals(new Reported(0, 100), bus.reported());
        assertEquals(2, bus.milestones().size(), "75 % by 2023 and 90 % by 2025");
        assertEquals(75, bus.due(LocalDate.of(2023, 6, 1)).value());
        assertEquals(90, bus.due(LocalDate.of(2024, 1, 1)).value());
        assertEquals(90, bus.due(LocalDate.of(2030, 1, 1)).value(), "after the last, the last");

        Target pv = c.find("pv-added-mw").orElseThrow();
        assertEquals(Parts.Rule.BREAKDOWN, pv.parts().rule());
        assertEquals(List.of(300.0, 1000.0, 300.0), pv.parts().of().stream().map(Parts.Part::value).toList());
        assertTrue(pv.measure().sinceBaseline());
        Target factories = c.find("low-carbon-factories").orElseThrow();
        assertEquals(Parts.Rule.EACH, factories.parts().rule());
        Target glp = c.find("pv-35mw-fishery").orElseThrow();
        assertEquals("started", glp.measure().countedFrom());
        assertEquals(List.of("under_construction", "built"), glp.measure().statuses());
        assertEquals(new Measure.Condition("name", true, "普洛斯%"), glp.measure().where().get(0));
        assertEquals(Direction.AT_MOST, c.find("water-living-room-2030").orElseThrow().direction());
        assertEquals(TrajectoryKind.HOLD, c.find("waste-sorting").orElseThrow().trajectory());
        assertEquals(7, c.find("ultra-low-energy-buildings").orElseThrow().milestones().size());
        assertNotNull(c.find("smart-energy-stations").orElseThrow().note());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "unit: km|unit: miles|'miles' is not allowed here (km, m2, ha, percent, MW or count)",
        "  - {by: 2025-12-31, value: 45}|  - {by: 2025-13-31, value: 45}|'2025-13-31' is not a date",
        "  - {by: 2023-12-31, value: 75}|  - {by: 2026-12-31, value: 75}|milestones must be in date order",
        "  - {by: 2023-12-31, value: 75}|  - {by: 2023-12-31, value: 95}|asks less than an earlier one",
        "- id: rural-parks|- id: greenway-km|target greenway-km is defined twice",
        "- id: rural-parks|- id: Rural Parks|'Rural Parks' is not a slug",
        "quantity: length|quantity: volume|'volume' is not allowed here (length, area, count or sum)",
        "      share_of: scope-area|      share_of: nothing|'nothing' is not allowed here",
        "        - {id: wujiang, district: 吴江区, value: 1000}|        - {id: wujiang, district: 吴江区, value: 900}|the parts add up to 1500.0, not the target's 1600.0",
        "        - {id: core, key_zone: 方厅水院（一点）, value: 1}|        - {id: core, zone: whole, value: 1}|unknown key 'zone'",
        "    scope: {district: 青浦区}|    scope: {district: 青浦区, key_zone: 西岑}|a scope is one of",
        "    reported: {min: 0, max: 100}|    reported: {min: 0, max: 80}|the milestone 90.0 lies outside the reported range",
        "    baseline: {year: 2023, value: 0}|    baseline: {year: 2024, value: 0}|the baseline year 2024 must come before",
        "    plan_text: 示范区森林覆盖率提高至10%|    plan_txt: 示范区森林覆盖率提高至10%|unknown key 'plan_txt'",
        "      property: area_m2|      propety: area_m2|unknown key 'propety'",
        "    unit: m2|    unit: count|a sum cannot be given in count"
    })
    void aBrokenFileIsRefusedNamingTheLine(String original, String broken, String reason) throws IOException {
        String text = builtIn();
        assertTrue(text.contains(original), "test text not found: " + original);
        int at = text.indexOf(original);
        int line = 1 + (int) text.substring(0, at).chars().filter(ch -> ch == '\n').count();
        String changed = text.substring(0, at) + broken + text.substring(at + original.length());
        TargetException e = assertThrows(TargetException.class, () -> TargetLoader.read(new StringReader(changed), "broken.yaml"));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        Matcher m = Pattern.compile("^broken.yaml line (\\d+): ").matcher(e.getMessage());
        assertTrue(m.find(), e.getMessage());
        int reported = Integer.parseInt(m.group(1));
        assertTrue(Math.abs(reported - line) <= 25, "reported line " + reported + " near the change at " + line);
    }

    @Test
    void aMeasuredAreaInHectaresIsRefusedAsAreasAreMeasuredInSquareMetres() throws IOException {
        String changed = builtIn().replaceFirst("    unit: m2\n", "    unit: ha\n")
                .replace("      quantity: sum\n      property: area_m2\n", "      quantity: area\n");
        TargetException e = assertThrows(TargetException.class, () -> TargetLoader.read(new StringReader(changed), "x.yaml"));
        assertTrue(e.getMessage().contains("area cannot be given in ha (length: km; area: m2;"), e.getMessage());
        TargetLoader.read(new StringReader(changed.replaceFirst("    unit: ha\n", "    unit: m2\n")), "x.yaml");
    }

    @Test
    void aTargetBothMeasuredAndReportedIsRefused() throws IOException {
        String changed = builtIn().replace("    reported: {min: -100, max: 100}\n",
                "    reported: {min: -100, max: 100}\n    measure: {layer: greenways, quantity: length}\n");
        TargetException e = assertThrows(TargetException.class, () -> TargetLoader.read(new StringReader(changed), "x.yaml"));
        assertTrue(e.getMessage().contains("needs either a measure"), e.getMessage());
        TargetException notYaml = assertThrows(TargetException.class,
                () -> TargetLoader.read(new StringReader("plan: [unclosed"), "x.yaml"));
        assertTrue(notYaml.getMessage().startsWith("x.yaml: not valid YAML"), notYaml.getMessage());
    }
}
