package org.sinkatlas.sink.calc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.sink.standard.Category;
import org.sinkatlas.sink.standard.CcerScreen;
import org.sinkatlas.sink.standard.SinkStandard;

/**
 * A feature's eligibility: the category of its (planned) land cover, and where the standard has a CCER
 * afforestation screen and the feature is or becomes forest, each applicability rule's pass, fail or
 * unknown with the reason. A fact the layers do not hold makes a rule unknown and is named. The verdict is
 * {@code eligible} when every rule passes, {@code not-eligible} when one fails, else {@code candidate}.
 */
final class CcerScreening {

    /** GB/T 21010-2017 classes that are forest land (林地) in the sense of afforestation. */
    private static final Set<String> FOREST = Set.of("0301", "0302", "0305", "0307");
    private static final Set<String> WETLAND = Set.of("0303", "0304", "0306", "0402", "1101", "1102", "1103", "1104", "1105",
            "1106", "1107", "1108");
    private static final Set<String> FARMED = Set.of("0101", "0102", "0103", "0401", "0403", "1202");

    private final SinkStandard standard;
    private final AreaAllocation allocation;

    CcerScreening(SinkStandard standard, AreaAllocation allocation) {
        this.standard = standard;
        this.allocation = allocation;
    }

    Eligibility screen(SinkInput in, double areaM2) {
        String current = in.landcover().main();
        String target = in.planned() != null ? in.planned().main() : current;
        Category category = standard.categories().get(allocation.row(target).category());
        CcerScreen screen = standard.screen();
        if (screen == null || !(FOREST.contains(target) || FOREST.contains(current))) {
            return new Eligibility(category.id(), category.text(), null, List.of());
        }
        Project p = project(in, current, target);
        List<Eligibility.RuleResult> results = new ArrayList<>();
        for (CcerScreen.Rule rule : screen.rules()) results.add(evaluate(rule, p, in.facts(), areaM2));
        String verdict = results.stream().anyMatch(r -> r.result().equals("fail")) ? "not-eligible"
                : results.stream().allMatch(r -> r.result().equals("pass")) ? "eligible" : "candidate";
        return new Eligibility(category.id(), category.text(), verdict, results);
    }

    /**
     * What the screen judges: land that becomes forest (planned, or recorded since a year), what it was
     * before, and when the project starts (null when not known).
     */
    private record Project(boolean afforestation, String forest, String before, Integer beforeSince, Integer start) {}

    private Project project(SinkInput in, String current, String target) {
        if (in.planned() != null && FOREST.contains(target) && !FOREST.contains(current)) {
            return new Project(true, target, current, in.landuseSince(), null);
        }
        if (FOREST.contains(current) && in.landuseSince() != null) {
            return new Project(in.previous() == null || !FOREST.contains(in.previous()), current, in.previous(), null,
                    in.landuseSince());
        }
        return new Project(false, target, current, in.landuseSince(), null);
    }

    private Eligibility.RuleResult evaluate(CcerScreen.Rule rule, Project p, SinkInput.SiteFacts facts, double areaM2) {
        switch (rule.id()) {
            case "afforestation":
                if (!p.afforestation()) {
                    return result(rule, "fail", "现状已为林地，未记录由非林地造林：不属于造林项目",
                            "already forest with no recorded change from non-forest land: not afforestation");
                }
                if (p.before() == null) return unknown(rule, "造林前的地类未记录", "the land cover before planting is not recorded",
                        "previous_landcover");
                return result(rule, "pass", "由非林地（" + p.before() + "）造林为 " + p.forest(),
                        "afforestation of non-forest land (" + p.before() + ") as " + p.forest());
            case "non_forest_before": {
                int years = (int) rule.parameter("years");
                if (p.before() != null && FOREST.contains(p.before())) {
                    return result(rule, "fail", "造林前为林地", "the land was forest before");
                }
                if (p.start() != null || p.beforeSince() == null) {
                    return unknown(rule, "未记录造林前非林地持续的年数（须不少于" + years + "年）",
                            "how long the land was non-forest before the project is not recorded (at least " + years + " years)",
                            "landuse_since");
                }
                int held = standard.accountingYear() - p.beforeSince();
                return held >= years ? result(rule, "pass", "非林地已" + held + "年（≥" + years + "年）",
                        "non-forest for " + held + " years (at least " + years + ")")
                        : result(rule, "fail", "非林地仅" + held + "年（<" + years + "年）",
                                "non-forest for only " + held + " years (fewer than " + years + ")");
            }
            case "not_wetland":
                return p.before() != null && WETLAND.contains(p.before())
                        ? result(rule, "fail", "造林地为湿地或水域（" + p.before() + "）", "the land is wetland or water (" + p.before() + ")")
                        : p.before() == null ? unknown(rule, "造林前的地类未记录", "the land cover before planting is not recorded",
                                "previous_landcover")
                        : result(rule, "pass", "非湿地", "not wetland");
            case "not_cropland":
                if (p.before() == null || !p.before().startsWith("01")) {
                    return p.before() == null ? unknown(rule, "造林前的地类未记录", "the land cover before planting is not recorded",
                            "previous_landcover") : result(rule, "pass", "非耕地", "not cropland");
                }
                return fact(rule, facts.basicFarmland(), true, "耕地（" + p.before() + "）为永久基本农田，不得造林",
                        "the cropland (" + p.before() + ") is permanent basic farmland, which may not be afforested",
                        "耕地（" + p.before() + "）不是永久基本农田", "the cropland (" + p.before() + ") is not permanent basic farmland",
                        "耕地造林须核实是否为永久基本农田", "whether the cropland is permanent basic farmland must be shown",
                        "basic_farmland");
            case "min_area": {
                double min = p.start() != null && p.start() <= 2019 ? rule.parameter("min_m2_before_2019") : rule.parameter("min_m2");
                long m2 = Math.round(areaM2);
                return m2 >= min ? result(rule, "pass", "面积" + m2 + "平方米 ≥ " + (long) min, "area " + m2 + " m² ≥ " + (long) min + " m²")
                        : result(rule, "fail", "面积" + m2 + "平方米 < " + (long) min, "area " + m2 + " m² < " + (long) min + " m²");
            }
            case "not_economic_forest":
                return fact(rule, facts.economicForest(), true, "为经济林", "economic forest (fruit, oil, medicine)",
                        "非经济林", "not economic forest", "未记录是否为经济林", "whether it is economic forest is not recorded",
                        "economic_forest");
            case "crediting_period": {
                int min = (int) rule.parameter("min_years");
                int max = (int) rule.parameter("max_years");
                if (p.start() == null) {
                    return unknown(rule, "项目开始年份未定：计入期须为" + min + "至" + max + "年",
                            "the project's start is not set: the crediting period must be " + min + " to " + max + " years",
                            "project_start");
                }
                return result(rule, "pass", "计入期可为" + (p.start() + min) + "至" + (p.start() + max) + "年止",
                        "the crediting period may end between " + (p.start() + min) + " and " + (p.start() + max));
            }
            case "additionality":
                return Boolean.TRUE.equals(facts.publicWelfareForest())
                        ? result(rule, "pass", "生态公益林造林：额外性免予论证", "public-welfare forest: additionality need not be shown")
                        : unknown(rule, "须论证额外性（本区年降水量超过400毫米；是否属国家重点生态功能区或生态公益林未记录）",
                                "additionality must be shown (rainfall here is above 400 mm; whether the site is public-welfare"
                                        + " forest or in a national key ecological function zone is not recorded)",
                                "public_welfare_forest");
            case "permanence":
                return unknown(rule, "计入期内不得重复扰动土壤、不得人为火烧：须以经营方案核实",
                        "no repeated soil disturbance and no human-set fire in the crediting period: to be shown by the"
                                + " management plan", "management_plan");
            case "leakage":
                if (p.before() == null || !FARMED.contains(p.before())) {
                    return result(rule, "pass", "造林前无种植或放牧活动", "no farming or grazing before planting");
                }
                return fact(rule, facts.farmingDisplaced(), true, "原有农业活动转移至他处：造成泄漏",
                        "the farming it held moves elsewhere: leakage", "原有农业活动未转移", "the farming it held does not move elsewhere",
                        "原有农业活动（" + p.before() + "）是否转移未记录", "whether the farming it held (" + p.before() + ") moves elsewhere"
                                + " is not recorded", "farming_displaced");
            default:
                throw new IllegalStateException("no check for screen rule " + rule.id());
        }
    }

    /** A rule decided by a yes/no fact: fail when it equals {@code failWhen}, pass when not, unknown when null. */
    private static Eligibility.RuleResult fact(CcerScreen.Rule rule, Boolean value, boolean failWhen, String failZh, String failEn,
            String passZh, String passEn, String unknownZh, String unknownEn, String fact) {
        if (value == null) return unknown(rule, unknownZh, unknownEn, fact);
        return value == failWhen ? result(rule, "fail", failZh, failEn) : result(rule, "pass", passZh, passEn);
    }

    private static Eligibility.RuleResult result(CcerScreen.Rule rule, String result, String zh, String en) {
        return new Eligibility.RuleResult(rule.id(), result, Localized.of(zh, en), List.of(), rule.source(), rule.where(),
                rule.checked().name());
    }

    private static Eligibility.RuleResult unknown(CcerScreen.Rule rule, String zh, String en, String fact) {
        return new Eligibility.RuleResult(rule.id(), "unknown", Localized.of(zh, en), List.of(fact), rule.source(), rule.where(),
                rule.checked().name());
    }
}
