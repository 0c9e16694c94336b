package org.sinkatlas.sink.targets;

import java.util.Locale;
import org.sinkatlas.layers.model.Localized;

/** Whether a feature in a target's scope counts toward it on a date, and if not, why. */
public enum Counted {
    YES(Localized.of("计入", "counts")),
    NOT_BUILT(Localized.of("尚未建成", "not built yet")),
    LATER(Localized.of("晚于查询日期", "after the date asked")),
    UNDATED(Localized.of("缺少日期", "has no date")),
    BEFORE_BASELINE(Localized.of("早于基准年", "before the baseline")),
    NO_VALUE(Localized.of("缺少数值", "has no value"));

    private final Localized label;

    Counted(Localized label) {
        this.label = label;
    }

    public Localized label() {
        return label;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }
}
