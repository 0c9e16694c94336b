package org.sinkatlas.sink.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.sink.standard.SinkStandard;
import org.sinkatlas.sink.standard.StandardCatalog;

/**
 * The calculator of yrd-ess 2027.1: hand-worked examples of the guidelines' formulas with the standard's
 * central values, and the accounting faults of 2026.1 that it removes (one headline, every flux netted, no
 * double counting, one soil reference).
 */
class SinkCalculatorTest {

    static final SinkStandard STANDARD = StandardCatalog.builtIn().find("yrd-ess@2027.1").orElseThrow();
    static final SinkCalculator CALC = new SinkCalculator(STANDARD);
    private static final CrsService CRS = new CrsService();
    private static final double CO2_PER_C = STANDARD.parameter("co2_per_c");

    /** A square of {@code side} metres drawn in EPSG:4549 on its central meridian (scale factor 1). */
    static Geometry square(double side) throws Exception {
        Geometry gk = new WKTReader().read(String.format(java.util.Locale.ROOT,
                "POLYGON ((500000 3431000, %1$f 3431000, %1$f %2$f, 500000 %2$f, 500000 3431000))", 500000 + side,
                3431000 + side));
        return CRS.toStorage(CrsService.EPSG_4549).apply(gk);
    }

    private static SinkInput hectare(String code) throws Exception {
        return SinkInput.of(square(100), LandCoverMix.of(code));
    }

    private static SinkEstimate estimate(SinkInput in, int year) {
        return CALC.estimate(in, year, null, false);
    }

    /** One year of one hectare of a history with every coefficient at its central value. */
    private static HectareYear central(LandUseHistory h, int year) {
        HectareYear out = new HectareYear(1);
        new StockChangeAccounting(STANDARD, CoefficientDraws.central()).evaluate(h, year, out);
        return out;
    }

    private static LandUseHistory history(Object... typeAndYear) {
        LandUseHistory h = null;
        for (int i = 0; i < typeAndYear.length; i += 2) {
            var type = STANDARD.row((String) typeAndYear[i]).type();
            h = h == null ? LandUseHistory.of(type, (Integer) typeAndYear[i + 1]) : h.then(type, (Integer) typeAndYear[i + 1]);
        }
        return h;
    }

    // ------------------------------------------------------------------------------------------------
    // Worked examples, by hand from the formulas

    @Test
    void aSoilTransitionByStockChangeFactorsOverTwentyYears() {
        // IPCC Eq. 2.25 with D = 20: paddy SOC = SOCref × FLU = 45.4 × 1 tC/ha; forest 45.4 × 0.816 = 37.0464.
        // Planted in 2020: 2026 is the 7th year, 45.4 + (37.0464 − 45.4) × 7/20 = 42.47624 tC/ha; the soil loses
        // (45.4 − 37.0464) / 20 = 0.41768 tC/ha each year of the twenty, then nothing.
        HectareYear y2026 = central(history("0101", 2010, "0301", 2020), 2026);
        assertEquals(42.47624, y2026.meanPools[2], 1e-6);
        assertEquals(45.4, central(history("0101", 2010, "0301", 2020), 2019).meanPools[2], 1e-9);
        assertEquals(37.0464, central(history("0101", 2010, "0301", 2020), 2039).meanPools[2], 1e-9);
        // 2026: biomass 3.18 − soil 0.41768 + litter 2.28 / 20 = 2.87632 tC/ha × 44/12 = 10.54651 tCO2.
        assertEquals(2.87632 * CO2_PER_C, y2026.removals[0], 1e-5);
        // 2045: the soil and the litter have arrived and the stand has reached its ceiling: nothing moves.
        assertEquals(0, central(history("0101", 2010, "0301", 2020), 2045).removals[0], 1e-12);
    }

    @Test
    void aPaddyMethaneSeasonWithScalingFactors() throws Exception {
        // IPCC 2019 Refinement Eq. 5.1-5.3: EF = EFc × SFw × SFp × SFo × t, SFo = (1 + ROA × CFOA)^0.59.
        // 1.32 kg/ha/day × 0.71 (single drainage) × 1.0 (short pre-season drainage) × (1 + 4.8 t straw × 1.00)^0.59
        // (= 5.8^0.59 = 2.821126) × 112 days = 296.123 kg CH4/ha: 0.296123 t × GWP 28 = 8.29146 tCO2e, × 27 = 7.99533.
        HectareYear paddy = central(history("0101", 2010), 2026);
        assertEquals(0.296123, paddy.methane[0], 1e-6);
        assertEquals(0, paddy.removals[0], 0, "paddy soil at equilibrium: no CO2 either way");
        // The same through the calculator's draws: the mean of the draws of a product of uncertain factors.
        SinkEstimate e = estimate(hectare("0101"), 2026);
        double tonnes = e.methane().mean() / 28;
        assertEquals(0.30, tonnes * 10_000 / e.areaM2(), 0.06, "the mean of the draws is near the central product");
    }

    @Test
    void aBiomassGainLossYearAndItsCeiling() {
        // Planted 2021: at the end of 2026 the stand is 6 years old: 6 × 3.18 = 19.08 tC/ha, a gain of 3.18 tC/ha in the
        // year = 11.66 tCO2. Without a recorded previous use its soil and litter are taken at equilibrium.
        HectareYear young = central(history("0301", 2021), 2026);
        assertEquals(19.08, young.meanPools[0], 1e-9);
        assertEquals(3.18 * CO2_PER_C, young.removals[0], 1e-9);
        // The ceiling, 42.4 tC/ha, is reached in the 14th year (13 × 3.18 = 41.34): that year gains 1.06, then none.
        assertEquals(1.06 * CO2_PER_C, central(history("0301", 2013), 2026).removals[0], 1e-9);
        assertEquals(0, central(history("0301", 2012), 2026).removals[0], 1e-12);
        assertEquals(42.4 + 37.0464 + 2.28, central(history("0301", 2012), 2026).stock[0], 1e-9);
    }

    // ------------------------------------------------------------------------------------------------
    // Fault 1: one headline, the mean of the draws; net = removals − emissions exactly

    @Test
    void theHeadlineIsTheMeanOfTheDrawsAndNetIsRemovalsLessEmissions() throws Exception {
        SinkInput in = SinkInput.of(square(100), LandCoverMix.of(null, Map.of("0301", 0.5, "1104", 0.3, "0101", 0.2)));
        SinkEstimate e = estimate(in, 2026);
        double[] draws = CALC.netDraws(CALC.areas(in), 2026, null);
        double mean = 0;
        for (double d : draws) mean += d / draws.length;
        assertEquals(mean, e.net().mean(), Math.abs(mean) * 1e-9);
        double[] sorted = draws.clone();
        java.util.Arrays.sort(sorted);
        double median = sorted[draws.length / 2 - 1];
        assertNotEquals(median, e.net().mean(), 1e-3, "skewed coefficients: the median is not the headline");
        assertEquals(e.removals().mean() - e.emissions().mean(), e.net().mean(), 0);
        assertEquals(e.methane().mean() + e.nitrousOxide().mean(), e.emissions().mean(), 0);
        assertTrue(e.net().p5() < e.net().mean() && e.net().mean() < e.net().p95());
    }

    @Test
    void aGroupsHeadlineIsTheSumOfItsFeaturesHeadlines() throws Exception {
        List<SinkInput> parcels = List.of(hectare("0301"), hectare("0101").since(2015, "0301"),
                SinkInput.of(square(300), LandCoverMix.of(null, Map.of("0810", 0.6, "1108", 0.4))), hectare("1104"));
        StratumAreas group = new StratumAreas();
        double sum = 0;
        for (SinkInput p : parcels) {
            group.add(CALC.areas(p));
            sum += estimate(p, 2026).net().mean();
        }
        assertEquals(sum, CALC.estimate(group, 2026, null).net().mean(), Math.abs(sum) * 1e-9);
    }

    // ------------------------------------------------------------------------------------------------
    // Fault 2: every non-CO2 flux netted, with a named GWP set

    @Test
    void wetlandAndPondMethaneAndNitrousOxideAreNettedWithTheNamedGwpSet() throws Exception {
        SinkEstimate marsh = estimate(hectare("1108"), 2026);
        assertTrue(marsh.methane().mean() > 5, "2013 Wetlands Supplement temperate 235 kg CH4/ha/yr × 28");
        assertTrue(marsh.nitrousOxide().mean() > 0.3);
        assertEquals(marsh.removals().mean() - marsh.methane().mean() - marsh.nitrousOxide().mean(), marsh.net().mean(), 1e-12);
        assertTrue(marsh.net().mean() < 0, "a natural marsh is a net source on a 100-year GWP at Tier 1");
        SinkEstimate pond = estimate(hectare("1104"), 2026);
        assertTrue(pond.methane().mean() > 0 && pond.nitrousOxide().mean() > 0);
        assertEquals(-pond.emissions().mean(), pond.net().mean(), 1e-12);
        assertEquals(0, pond.methaneNotNetted().mean(), 0, "nothing is shown without being netted");
        // The same hectare under AR6: methane 27 instead of 28, nitrous oxide 273 instead of 265.
        SinkEstimate ar6 = CALC.estimate(hectare("1104"), 2026, "ar6", false);
        assertEquals("ar6", ar6.gwp());
        double ch4 = pond.methane().mean() / 28;
        double n2o = pond.nitrousOxide().mean() / 265;
        assertEquals(pond.net().mean() + ch4 * (28 - 27) + n2o * (265 - 273), ar6.net().mean(), 1e-9);
        assertTrue(assertThrows(SinkInputException.class, () -> CALC.estimate(hectare("1104"), 2026, "sar", false))
                .getMessage().contains("no GWP set 'sar'; it has ar5, ar6"));
    }

    // ------------------------------------------------------------------------------------------------
    // Faults 3 and 4: one basis over time, one soil reference

    @Test
    void aScenarioIsAPathWhoseSumIsTheStockChangeAndNothingIsCountedTwice() throws Exception {
        SinkInput paddy = hectare("0101").planned(LandCoverMix.of("0301"));
        ScenarioPath path = CALC.path(CALC.areas(paddy), CALC.plannedAreas(paddy, 2027), 2026, 2090, 2027, null);
        assertEquals(65, path.years().size());
        double ha = CALC.areas(paddy).areaM2() / 10_000;
        // Summed over the years, the CO2 the planted hectare takes up is its stock change, no more: the plan's removals
        // minus today's (paddy: none) equal (stock in 2090 − stock in 2026) × 44/12, with the paddy methane that stops.
        ScenarioPath.Year first = path.years().get(0);
        ScenarioPath.Year last = path.years().get(path.years().size() - 1);
        double methaneSaved = 0;
        for (ScenarioPath.Year y : path.years()) methaneSaved += y.year() >= 2027 ? -y.currentNet().mean() : 0;
        double stockGain = (last.plannedStock() - first.plannedStock()) * CO2_PER_C;
        assertEquals(stockGain + methaneSaved, last.cumulativeDifference().mean() - first.difference().mean(),
                Math.abs(stockGain) * 1e-6);
        // Growth stops at the ceiling: by 2090 (63 years) every draw's stand has reached it and the soil its new level.
        assertEquals(-first.currentNet().mean(), last.difference().mean(), 1e-6, "only the methane no longer emitted remains");
        assertTrue(path.years().get(5).difference().mean() > last.difference().mean() + 3, "young stands grow, old ones don't");
    }

    @Test
    void soilComesFromOneReferenceChangedByTheFactorsNotAJumpAtOnce() throws Exception {
        // 2026.1 gave paddy 45.4 and forest 75 tC/ha of soil from unrelated sources: planting a paddy gained ~30 tC/ha at once.
        SinkEstimate before = estimate(hectare("0101").since(2026, "0101"), 2026);
        SinkEstimate planted = estimate(hectare("0301").since(2026, "0101"), 2026);
        double soilChange = (planted.pools().soil() - before.pools().soil()) / (planted.areaM2() / 10_000);
        // Shanghai's forest soils hold less than its paddies (0.816): one twentieth of the difference goes in the first year.
        assertEquals((37.0464 - 45.4) / 20, soilChange, 0.05);
        assertTrue(Math.abs(soilChange) < 1);
        // Every class's soil is the one reference × its factors: forest / upland = 0.816 / 0.821 in every draw.
        HectareYear forest = central(history("0301", 1990), 2026);
        HectareYear upland = central(history("0103", 1990), 2026);
        assertEquals(0.816 / 0.821, forest.meanPools[2] / upland.meanPools[2], 1e-9);
    }

    @Test
    void aParcelsRecordedLandUseSetsWhereItIsOnItsTransition() throws Exception {
        SinkEstimate longAgo = estimate(hectare("0301"), 2026);
        SinkEstimate lastYear = estimate(hectare("0301").since(2025, "0101"), 2026);
        // A stand planted last year on a paddy holds little biomass and still most of the paddy's soil; an old one the reverse.
        assertTrue(longAgo.stock().mean() > lastYear.stock().mean() + 15);
        assertTrue(lastYear.pools().soil() > longAgo.pools().soil());
        assertTrue(lastYear.pools().aboveGround() < longAgo.pools().aboveGround() / 4);
    }

    // ------------------------------------------------------------------------------------------------
    // The rest

    @Test
    void greenwaysAreBufferedParksSplitAndPointsGiveTheirArea() throws Exception {
        // 1 km east-west at 31°N: 0.0104709° of longitude is 1000.0 m on WGS 84. Buffered 5 m each side, round ends.
        Geometry line = new WKTReader().read("LINESTRING (120.9 31.0, 120.9104709 31.0)");
        double length = org.sinkatlas.layers.geom.EllipsoidMeasure.lengthM(line);
        SinkEstimate e = estimate(new SinkInput(line, LandCoverMix.of("0810"), null, null, null, null, null, null, null), 2026);
        assertEquals(length * 10 + 16 * 25 * Math.sin(Math.toRadians(11.25)), e.areaM2(), 2);
        // Greenway 0.5 crown: the crown share of a hectare grows 2.8 tC/ha of crown a year (Nowak et al. 2013).
        HectareYear crown = new HectareYear(1);
        new StockChangeAccounting(STANDARD, CoefficientDraws.central()).evaluate(
                LandUseHistory.of(STANDARD.components().get("tree_crown"), 2010), 2026, crown);
        assertEquals(2.8 * CO2_PER_C, crown.removals[0], 1e-9);
        Geometry point = new WKTReader().read("POINT (120.9 31.0)");
        assertEquals(150, estimate(new SinkInput(point, LandCoverMix.of("0810"), null, null, 150.0, null, null, null, null), 2026)
                .areaM2(), 0);
    }

    @Test
    void theSameInputGivesTheSameAnswer() throws Exception {
        SinkInput in = SinkInput.of(square(300), LandCoverMix.of(null, Map.of("0301", 0.5, "0101", 0.5))).since(2018, "0103");
        SinkEstimate a = estimate(in, 2030);
        SinkEstimate b = new SinkCalculator(STANDARD).estimate(in, 2030, null, false);
        assertEquals(a.net(), b.net());
        assertEquals(a.stock(), b.stock());
    }

    @Test
    void badInputIsRefusedWithTheReason() throws Exception {
        Geometry flat = new WKTReader().read("POLYGON ((120.9 31, 120.91 31, 120.92 31, 120.9 31))");
        assertTrue(assertThrows(SinkInputException.class, () -> estimate(SinkInput.of(flat, LandCoverMix.of("0301")), 2026))
                .getMessage().contains("no area"));
        assertTrue(assertThrows(SinkInputException.class, () -> estimate(hectare("9999"), 2026)).getMessage()
                .contains("unknown land cover '9999'"));
        assertTrue(assertThrows(SinkInputException.class, () -> LandCoverMix.of(null, Map.of("0301", 0.5, "0101", 0.4)))
                .getMessage().contains("sum to 1"));
        assertTrue(assertThrows(SinkInputException.class, () -> estimate(hectare("0301").since(2020, "7777"), 2026))
                .getMessage().contains("land cover 7777"));
        assertTrue(assertThrows(SinkInputException.class, () -> estimate(hectare("0301"), 2200)).getMessage()
                .contains("year must be between 1950 and 2100"));
        Geometry point = new WKTReader().read("POINT (120.9 31.0)");
        assertTrue(assertThrows(SinkInputException.class, () -> estimate(SinkInput.of(point, LandCoverMix.of("0810")), 2026))
                .getMessage().contains("area_m2"));
    }

    @Test
    void theReleased2026StandardStillComputesAsReleased() throws Exception {
        SinkCalculator legacy = new SinkCalculator(StandardCatalog.builtIn().find("yrd-ess@2026.1").orElseThrow());
        SinkEstimate forest = legacy.estimate(hectare("0301"), 2026, null, false);
        // Its pools: 38.2 + 7.6 + 75 + 0 tC/ha; its rate: triangular(1.5, 3.3, 11), mean (1.5 + 3.3 + 11) / 3 = 5.267.
        assertEquals(120.8, forest.stock().mean() / (forest.areaM2() / 10_000), 1e-6);
        assertEquals(5.267, forest.removals().mean() / (forest.areaM2() / 10_000), 0.15, "within 3 standard errors of 2000 draws");
        // Its pond methane was shown, not netted; its only GWP set is the methane GWP it named (27).
        SinkEstimate pond = legacy.estimate(hectare("1104"), 2026, null, false);
        assertEquals(0, pond.net().mean(), 0);
        assertTrue(pond.methaneNotNetted().mean() > 0);
        assertEquals("ar6", pond.gwp());
        assertThrows(SinkInputException.class, () -> legacy.estimate(hectare("1104"), 2026, "ar5", false));
    }
}
