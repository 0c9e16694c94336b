package org.sinkatlas.sink.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The CCER afforestation screen of 2027.1, rule by rule: existing forest and converted cropland are never
 * labelled eligible; a rule that needs a fact the layers do not hold says unknown and names the fact.
 */
class CcerScreeningTest {

    private static final SinkCalculator CALC = SinkCalculatorTest.CALC;

    private static Eligibility screen(SinkInput in) {
        return CALC.estimate(in, 2026, null, false).eligibility();
    }

    private static Map<String, Eligibility.RuleResult> rules(Eligibility e) {
        return e.rules().stream().collect(Collectors.toMap(Eligibility.RuleResult::rule, r -> r));
    }

    private static SinkInput parcel(double side, String code) throws Exception {
        return SinkInput.of(SinkCalculatorTest.square(side), LandCoverMix.of(code));
    }

    private static SinkInput withFacts(SinkInput in, Boolean farmland, Boolean economic, Boolean publicWelfare, Boolean displaced) {
        return new SinkInput(in.geometry(), in.landcover(), null, null, null, in.landuseSince(), in.previous(), in.planned(),
                new SinkInput.SiteFacts(farmland, economic, publicWelfare, displaced));
    }

    @Test
    void existingForestIsNotAfforestation() throws Exception {
        Eligibility e = screen(parcel(100, "0301"));
        assertEquals("not-eligible", e.verdict());
        assertEquals("fail", rules(e).get("afforestation").result());
        assertTrue(rules(e).get("afforestation").reason().en().contains("already forest"));
    }

    @Test
    void cropLandPlantedWithTreesIsACandidateAtBestAndNamesTheFactsItLacks() throws Exception {
        SinkInput planted = parcel(100, "0301").since(2024, "0101");
        Eligibility e = screen(planted);
        assertEquals("candidate", e.verdict(), "never 'eligible' without the facts the map does not hold");
        Map<String, Eligibility.RuleResult> r = rules(e);
        assertEquals("pass", r.get("afforestation").result());
        assertEquals("unknown", r.get("not_cropland").result());
        assertEquals(List.of("basic_farmland"), r.get("not_cropland").missingFacts());
        assertEquals(List.of("farming_displaced"), r.get("leakage").missingFacts());
        assertEquals("pass", r.get("min_area").result());
        assertEquals("pass", r.get("crediting_period").result());
        assertTrue(r.get("crediting_period").reason().en().contains("2044") && r.get("crediting_period").reason().en().contains("2064"));
        // Permanent basic farmland may not be afforested; farming moved elsewhere is leakage.
        assertEquals("not-eligible", screen(withFacts(planted, true, null, null, null)).verdict());
        assertEquals("fail", rules(screen(withFacts(planted, false, null, null, true))).get("leakage").result());
        for (Eligibility.RuleResult x : e.rules()) {
            assertTrue(x.source() != null && x.where() != null && x.checked() != null, x.rule() + " names its source");
        }
    }

    @Test
    void eachRuleFailsWhereTheMethodologySays() throws Exception {
        // Wetland: 2 适用条件 d).
        assertEquals("fail", rules(screen(parcel(100, "1108").planned(LandCoverMix.of("0301")))).get("not_wetland").result());
        // Under 400 m²: 2 适用条件 c).
        Map<String, Eligibility.RuleResult> small = rules(screen(parcel(15, "0103").planned(LandCoverMix.of("0301"))));
        assertEquals("fail", small.get("min_area").result());
        assertTrue(small.get("min_area").reason().en().contains("< 400 m²"));
        // 667 m² for projects started in or before 2019.
        assertEquals("fail", rules(screen(parcel(25, "0301").since(2019, "0103"))).get("min_area").result());
        assertEquals("pass", rules(screen(parcel(25, "0301").since(2020, "0103"))).get("min_area").result());
        // Economic forest; public-welfare forest is exempt from showing additionality.
        SinkInput planned = parcel(100, "0103").planned(LandCoverMix.of("0301"));
        assertEquals("fail", rules(screen(withFacts(planned, null, true, null, null))).get("not_economic_forest").result());
        assertEquals("pass", rules(screen(withFacts(planned, null, false, true, null))).get("additionality").result());
        assertEquals("unknown", rules(screen(planned)).get("additionality").result());
        // Forest before: not afforestation of non-forest land.
        assertEquals("fail", rules(screen(parcel(100, "0301").since(2022, "0302"))).get("non_forest_before").result());
    }

    @Test
    void gardensParksAndOtherLandAreCountedOnlyInTheEcologicalAccounts() throws Exception {
        Eligibility orchard = screen(parcel(100, "0103").planned(LandCoverMix.of("0204")));
        assertNull(orchard.verdict(), "economic forest is outside the method: no screen");
        assertEquals("ecological-accounting", orchard.category());
        assertEquals("not-credited", screen(parcel(100, "1104")).category());
        assertEquals("ecological-accounting", screen(parcel(100, "0810")).category());
    }
}
