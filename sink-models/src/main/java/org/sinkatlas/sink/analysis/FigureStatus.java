package org.sinkatlas.sink.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sinkatlas.sink.standard.Checked;
import org.sinkatlas.sink.standard.Coefficient;
import org.sinkatlas.sink.standard.SinkStandard;
import org.sinkatlas.sink.standard.UrbanGreenSplit;

/**
 * How well a standard's measured figures were checked: how many are V (read in their source), V2, D and U,
 * and which are not V. A measured figure is one whose source is not one of the standard's own accounting
 * choices; each urban-green split counts as one (its shares are one assumption).
 */
public record FigureStatus(int measured, Map<Checked, Integer> byStatus, List<String> notRead) {

    public static FigureStatus of(SinkStandard s) {
        Map<Checked, Integer> by = new EnumMap<>(Checked.class);
        for (Checked c : Checked.values()) by.put(c, 0);
        List<String> notRead = new ArrayList<>();
        int n = 0;
        for (Coefficient c : s.coefficients()) {
            if (!s.measured(c)) continue;
            n++;
            by.merge(c.checked(), 1, Integer::sum);
            if (c.checked() != Checked.V) notRead.add(c.id() + " (" + c.checked() + ")");
        }
        for (UrbanGreenSplit g : s.urbanGreen().values()) {
            if (s.sources().get(g.source()).policy()) continue;
            n++;
            by.merge(g.checked(), 1, Integer::sum);
            if (g.checked() != Checked.V) notRead.add("urban_green." + g.id() + " (" + g.checked() + ")");
        }
        return new FigureStatus(n, by, notRead);
    }

    /** The share of measured figures read in their source. */
    public double readShare() {
        return measured == 0 ? 1 : byStatus.get(Checked.V) / (double) measured;
    }
}
