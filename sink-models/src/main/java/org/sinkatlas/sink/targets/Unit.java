package org.sinkatlas.sink.targets;

import org.sinkatlas.layers.model.Localized;

/** The unit a target is stated in, with its symbol and its name for people. */
public enum Unit {
    KM("km", Localized.of("公里", "km")),
    M2("m2", Localized.of("平方米", "m²")),
    HA("ha", Localized.of("公顷", "ha")),
    PERCENT("percent", Localized.of("%", "%")),
    MW("MW", Localized.of("兆瓦", "MW")),
    COUNT("count", Localized.of("个", ""));

    private final String id;
    private final Localized label;

    Unit(String id, Localized label) {
        this.id = id;
        this.label = label;
    }

    /** The name used in the targets file and the API, e.g. {@code km}, {@code m2}, {@code percent}. */
    public String id() {
        return id;
    }

    public Localized label() {
        return label;
    }

    /** @throws IllegalArgumentException for a name that is not a unit */
    public static Unit of(String id) {
        for (Unit u : values()) {
            if (u.id.equalsIgnoreCase(id)) return u;
        }
        throw new IllegalArgumentException("unknown unit '" + id + "' (km, m2, ha, percent, MW or count)");
    }
}
