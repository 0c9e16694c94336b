package org.sinkatlas.sink.standard;

import java.util.List;
import java.util.Map;
import org.sinkatlas.layers.model.Localized;

/**
 * The applicability conditions of a CCER methodology as the standard reads them, rule by rule, each with
 * the methodology's words, where they are, and the figures it sets (years, square metres). The
 * {@code eligibility} package evaluates them; a rule id it does not know stops loading.
 *
 * @param methodology e.g. {@code CCER-14-001-V01}
 */
public record CcerScreen(String methodology, Localized title, String source, List<Rule> rules) {

    public CcerScreen {
        rules = List.copyOf(rules);
    }

    /** One condition: its id (which check applies it), its text, source, and figures. */
    public record Rule(String id, Localized text, String source, String where, Checked checked,
            Map<String, Figure> parameters) {

        public Rule {
            parameters = Map.copyOf(parameters);
        }

        public double parameter(String name) {
            Figure f = parameters.get(name);
            if (f == null) throw new IllegalStateException("rule " + id + " has no parameter " + name);
            return f.value();
        }
    }
}
