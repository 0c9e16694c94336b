package org.sinkatlas.sink.targets;

import java.util.Locale;
import org.sinkatlas.layers.model.Localized;

/** Where a target stands, from worst to best; {@link #slug()} is the name the API and the dashboard use. */
public enum TargetStatus {
    NO_DATA(Localized.of("暂无数据", "No data")),
    BEHIND(Localized.of("滞后", "Behind")),
    AT_RISK(Localized.of("有风险", "At risk")),
    ON_TRACK(Localized.of("进度正常", "On track")),
    ACHIEVED(Localized.of("已达成", "Achieved"));

    private final Localized label;

    TargetStatus(Localized label) {
        this.label = label;
    }

    public Localized label() {
        return label;
    }

    /** {@code achieved}, {@code on_track}, {@code at_risk}, {@code behind} or {@code no_data}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The worse of two statuses. */
    public TargetStatus worse(TargetStatus other) {
        return other.ordinal() < ordinal() ? other : this;
    }
}
