package org.sinkatlas.sink.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.sink.standard.StandardCatalog;

/** The calculator against hand-worked examples (figures from yrd-ess 2026.1). */
class SinkCalculatorTest {

    private static final SinkCalculator CALC = new SinkCalculator(StandardCatalog.builtIn().current());
    private static final CrsService CRS = new CrsService();

    /** A square of {@code side} metres drawn in EPSG:4549 on its central meridian (scale factor 1). */
    private static Geometry square(double side) throws Exception {
        Geometry gk = new WKTReader().read(String.format(java.util.Locale.ROOT,
                "POLYGON ((500000 3431000, %1$f 3431000, %1$f %2$f, 500000 %2$f, 500000 3431000))", 500000 + side,
                3431000 + side));
        return CRS.toStorage(CrsService.EPSG_4549).apply(gk);
    }

    private static SinkInput input(Geometry g, String code) {
        return SinkInput.of(g, LandCoverMix.of(code));
    }

    @Test
    void aHectareOfForest() throws Exception {
        SinkEstimate e = CALC.estimate(input(square(100), "0301"), true);
        assertEquals(10_000, e.areaM2(), 0.1);
        // Stock: 38.2 + 7.6 + 75 + 0 tC/ha.
        assertEquals(120.8, e.stockTc().total(), 0.01);
        assertEquals(38.2, e.stockTc().aboveGround(), 0.001);
        assertEquals(75.0, e.stockTc().soil(), 0.001);
        // Removal: triangular(1.5, 3.3, 11): central 3.3; median 11 - sqrt(9.5 × 7.7 / 2) = 4.952;
        // P5 = 1.5 + sqrt(0.05 × 9.5 × 1.8) = 2.425; P95 = 11 - sqrt(0.05 × 9.5 × 7.7) = 9.088.
        assertEquals(3.3, e.annualRemoval().central(), 0.001);
        assertEquals(4.952, e.annualRemoval().p50(), 0.15);
        assertEquals(2.425, e.annualRemoval().p5(), 0.1);
        assertEquals(9.088, e.annualRemoval().p95(), 0.2);
        assertEquals(0, e.methane().p95(), 0);
        assertEquals(e.annualRemoval().p50(), e.net().p50(), 1e-9);
        assertEquals("yrd-ess", e.standardId());
        assertEquals("2026.1", e.standardVersion());
        assertEquals("ccer-afforestation", e.eligibility().category());
        assertTrue(e.explain().stream().anyMatch(s -> s.step().startsWith("removal") && "yang2022".equals(s.source())));
    }

    @Test
    void aGreenwayLineIsBufferedByItsPlantedWidth() throws Exception {
        // 1 km east-west at 31°N: a degree of longitude there is N·cos φ·π/180 = 95,502.6 m on WGS 84, so
        // 0.0104709° is 1000.0 m. Buffered 5 m each side with round ends.
        Geometry line = new WKTReader().read("LINESTRING (120.9 31.0, 120.9104709 31.0)");
        double length = org.sinkatlas.layers.geom.EllipsoidMeasure.lengthM(line);
        assertEquals(1000.0, length, 0.5);
        SinkEstimate e = CALC.estimate(input(line, "0810"), true);
        double strip = length * 10 + 16 * 25 * Math.sin(Math.toRadians(11.25)); // caps: 32-gon of radius 5 m
        assertEquals(strip, e.areaM2(), 2);
        double ha = e.areaM2() / 10_000;
        // Greenway split 0.5 crown / 0.3 lawn / 0.2 paved: removal 0.5 × 6.2 + 0.3 × 1.0 tCO2e/ha/yr.
        assertEquals(ha * 3.4, e.annualRemoval().central(), 1e-6);
        // Stock: crown 36.7 + 7.3 + 50 tC/ha at 0.5, lawn 40 tC/ha at 0.3.
        assertEquals(ha * (0.5 * 94 + 0.3 * 40), e.stockTc().total(), 1e-6);
        assertEquals("ecological-accounting", e.eligibility().category());
        // A wider planting scales the area.
        SinkEstimate wide = CALC.estimate(new SinkInput(line, LandCoverMix.of("0810"), null, 10.0, null, null, null), false);
        assertEquals(length * 20 + 16 * 100 * Math.sin(Math.toRadians(11.25)), wide.areaM2(), 2);
    }

    @Test
    void aMixedParkWithItsOwnCrownShare() throws Exception {
        SinkEstimate e = CALC.estimate(new SinkInput(square(100), LandCoverMix.of("0810"), 0.6, null, null, null, null), true);
        // Crown 0.6; lawn keeps 0.4 / (0.4 + 0.2) of the rest = 0.2667; paved 0.1333.
        assertEquals(0.6 * 6.2 + 0.4 * 2 / 3 * 1.0, e.annualRemoval().central(), 1e-3);
        assertTrue(e.annualRemoval().p5() < e.annualRemoval().p50() && e.annualRemoval().p50() < e.annualRemoval().p95());
    }

    @Test
    void paddyToForestScenario() throws Exception {
        SinkInput in = new SinkInput(square(100), LandCoverMix.of("0101"), null, null, null, null, LandCoverMix.of("0301"));
        SinkEstimate e = CALC.estimate(in, true);
        // Paddy: stock 45.4 tC (soil); methane 0.1428 t CH4 × 27 = 3.856 tCO2e/yr, netted.
        assertEquals(45.4, e.stockTc().total(), 0.01);
        assertEquals(3.8556, e.methane().central(), 1e-3);
        assertEquals(-3.8556, e.net().central(), 1e-3);
        // Forest planned: stock change 120.8 - 45.4 = 75.4 tC = 276.5 tCO2e; net change 3.3 + 3.856 tCO2e/yr.
        assertEquals(75.4, e.scenario().stockChangeTc(), 0.01);
        assertEquals(75.4 * 3.6667, e.scenario().stockChangeTco2e(), 0.05);
        assertEquals(7.1556, e.scenario().netChange().central(), 1e-3);
        assertTrue(e.scenario().netChange().p5() < e.scenario().netChange().p95());
        assertEquals("ccer-afforestation", e.eligibility().category());
        assertTrue(e.eligibility().checks().stream().anyMatch(c -> c.en().contains("non-forest land")));
    }

    @Test
    void unverifiedMethaneIsShownButNotNetted() throws Exception {
        LandCoverMix mix = LandCoverMix.of(null, Map.of("0101", 0.7, "1104", 0.3));
        SinkEstimate e = CALC.estimate(SinkInput.of(square(100), mix), false);
        assertEquals(0.7 * 0.1428 * 27, e.methane().central(), 1e-6);
        assertEquals(0.3 * 0.18 * 27, e.methaneNotNetted().central(), 1e-6);
        assertEquals(-0.7 * 0.1428 * 27, e.net().central(), 1e-6);
    }

    @Test
    void rangesOfGroupsComeFromTheDrawsNotFromAddedPercentiles() throws Exception {
        SinkEstimate forest = CALC.estimate(input(square(100), "0301"), false);
        SinkEstimate lawnPark = CALC.estimate(new SinkInput(square(100), LandCoverMix.of("0810"), 0.0, null, null, null, null),
                false);
        UnitAreas group = CALC.areas(input(square(100), "0301")).add(
                CALC.areas(new SinkInput(square(100), LandCoverMix.of("0810"), 0.0, null, null, null, null)));
        SinkEstimate both = CALC.estimate(group);
        assertEquals(forest.annualRemoval().central() + lawnPark.annualRemoval().central(), both.annualRemoval().central(), 1e-9);
        // Different classes vary independently: the group's 5th percentile is above the sum of theirs.
        assertTrue(both.annualRemoval().p5() > forest.annualRemoval().p5() + lawnPark.annualRemoval().p5());
        // The same class is one coefficient for every parcel: 100 hectares are 100 times one.
        UnitAreas hundred = new UnitAreas(CALC.units());
        for (int i = 0; i < 100; i++) hundred.add(CALC.areas(input(square(100), "0301")));
        assertEquals(100 * forest.annualRemoval().p5(), CALC.estimate(hundred).annualRemoval().p5(), 1e-6);
    }

    @Test
    void theSameInputGivesTheSameAnswer() throws Exception {
        SinkInput in = SinkInput.of(square(300), LandCoverMix.of(null, Map.of("0301", 0.5, "0101", 0.5)));
        SinkEstimate a = CALC.estimate(in, false);
        SinkEstimate b = new SinkCalculator(StandardCatalog.builtIn().current()).estimate(in, false);
        assertEquals(a.net(), b.net());
        assertEquals(a.annualRemoval(), b.annualRemoval());
    }

    @Test
    void badInputIsRefusedWithTheReason() throws Exception {
        Geometry flat = new WKTReader().read("POLYGON ((120.9 31, 120.91 31, 120.92 31, 120.9 31))");
        assertTrue(assertThrows(SinkInputException.class, () -> CALC.estimate(input(flat, "0301"), false)).getMessage()
                .contains("no area"));
        assertTrue(assertThrows(SinkInputException.class, () -> CALC.estimate(input(square(10), "9999"), false))
                .getMessage().contains("unknown land cover '9999'"));
        assertTrue(assertThrows(SinkInputException.class, () -> LandCoverMix.of(null, Map.of("0301", 0.5, "0101", 0.4)))
                .getMessage().contains("sum to 1"));
        Geometry line = new WKTReader().read("LINESTRING (120.9 31.0, 120.91 31.0)");
        assertTrue(assertThrows(SinkInputException.class, () -> CALC.estimate(new SinkInput(line, LandCoverMix.of("0810"),
                null, -2.0, null, null, null), false)).getMessage().contains("width"));
        Geometry point = new WKTReader().read("POINT (120.9 31.0)");
        assertTrue(assertThrows(SinkInputException.class, () -> CALC.estimate(input(point, "0810"), false)).getMessage()
                .contains("area_m2"));
        assertEquals(150, CALC.estimate(new SinkInput(point, LandCoverMix.of("0810"), null, null, 150.0, null, null), false)
                .areaM2(), 0);
    }

    @Test
    void aMixedParcelsRangeIsThatOfItsMixScaledWhetherSeenBeforeOrNot() throws Exception {
        LandCoverMix mix = LandCoverMix.of("0101", Map.of("0101", 0.6, "0301", 0.4));
        // Fresh calculators: nothing kept yet.
        SinkCalculator first = new SinkCalculator(StandardCatalog.builtIn().current());
        SinkEstimate small = first.estimate(SinkInput.of(square(100), mix), false);
        SinkEstimate large = first.estimate(SinkInput.of(square(300), mix), false);
        // The group path sums every draw, without the kept mixes: the same percentiles to rounding.
        SinkEstimate summed = first.estimate(first.areas(SinkInput.of(square(300), mix)));
        for (java.util.function.Function<SinkEstimate, Quantiles> f : java.util.List.<java.util.function.Function<SinkEstimate,
                Quantiles>>of(SinkEstimate::annualRemoval, SinkEstimate::methane, SinkEstimate::net)) {
            Quantiles a = f.apply(large);
            Quantiles b = f.apply(summed);
            assertEquals(b.p5(), a.p5(), Math.abs(b.p5()) * 1e-7 + 1e-9);
            assertEquals(b.p50(), a.p50(), Math.abs(b.p50()) * 1e-7 + 1e-9);
            assertEquals(b.p95(), a.p95(), Math.abs(b.p95()) * 1e-7 + 1e-9);
            // Nine times the area, nine times the range.
            assertEquals(9 * f.apply(small).p50(), a.p50(), Math.abs(a.p50()) * 1e-6);
        }
        SinkEstimate again = new SinkCalculator(StandardCatalog.builtIn().current()).estimate(SinkInput.of(square(300), mix), false);
        assertEquals(large.net(), again.net(), "the same input gives the same answer");
        assertTrue(large.net().p5() < large.net().p50() && large.net().p50() < large.net().p95());
    }
}
