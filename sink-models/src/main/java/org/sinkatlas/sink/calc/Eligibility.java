package org.sinkatlas.sink.calc;

import java.util.List;
import org.sinkatlas.layers.model.Localized;

/**
 * How a feature's sink may be counted: the category of its land cover in the standard (ecological
 * accounting, not counted, CCER afforestation candidate) and, where the standard has a CCER screen and the
 * feature is or becomes forest, the screen's verdict rule by rule.
 *
 * @param category the standard's category id of the feature's land cover (planned land cover if any)
 * @param verdict  the screen's outcome ({@code eligible}, {@code not-eligible}, {@code undetermined}), or null
 *                 when no screen applies
 * @param rules    each rule's result, in the screen's order; empty when no screen applies
 */
public record Eligibility(String category, Localized text, String verdict, List<RuleResult> rules) {

    /** pass, fail or unknown, with why; for unknown, the facts the layers do not hold. */
    public record RuleResult(String rule, String result, Localized reason, List<String> missingFacts, String source,
            String where, String checked) {}
}
