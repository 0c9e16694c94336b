package org.sinkatlas.layers.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.ServiceRecord;

/**
 * Synthetic yearly figures for the plan's reported (non-spatial) targets, so that the demo's dashboard shows a
 * history for them too: new-energy bus share, green travel share, waste-sorting compliance and the Water Town
 * Living Room's emission growth. They are appended as {@code target-report} service records by the demo
 * loader, each marked {@code synthetic}; one of them is corrected by a later report, as officers do. The
 * figures are illustrative, not statistics. sink-models' target reports read them (its tests check that each
 * passes the rules a posted report must pass).
 */
public final class DemoReports {

    /** The service-record kind of reported target figures. */
    public static final String KIND = "target-report";

    private static final String SOURCE = "合成演示数据，非官方统计 · synthetic demo figure, not an official statistic";

    /** {target, year-end date, value}. */
    private static final Object[][] FIGURES = {
        {"new-energy-bus", "2021-12-31", 66.0}, {"new-energy-bus", "2022-12-31", 72.5},
        {"new-energy-bus", "2023-12-31", 77.8}, {"new-energy-bus", "2024-12-31", 83.1},
        {"new-energy-bus", "2025-12-31", 91.2},
        {"green-travel", "2021-12-31", 71.0}, {"green-travel", "2022-12-31", 72.4},
        {"green-travel", "2023-12-31", 75.9}, {"green-travel", "2024-12-31", 78.3},
        {"green-travel", "2025-12-31", 80.6},
        {"waste-sorting", "2021-12-31", 93.2}, {"waste-sorting", "2022-12-31", 95.1},
        {"waste-sorting", "2023-12-31", 95.8}, {"waste-sorting", "2024-12-31", 96.4},
        {"waste-sorting", "2025-12-31", 96.9},
        {"water-living-room-2030", "2022-12-31", 4.1}, {"water-living-room-2030", "2023-12-31", 2.9},
        {"water-living-room-2030", "2024-12-31", 1.8}, {"water-living-room-2030", "2025-12-31", 0.9}
    };

    private DemoReports() {}

    /**
     * Appends the demo figures, then a correction of the 2023 bus share (77.8 revised to 76.4), in one
     * transaction: all of them or none.
     */
    static void append(LayerStore store) {
        store.write(DemoDataset.AUTHOR, w -> {
            long bus2023 = -1;
            for (Object[] f : FIGURES) {
                ServiceRecord r = w.appendRecord(KIND, body((String) f[0], (String) f[1], (double) f[2], null, null));
                if (f[0].equals("new-energy-bus") && f[1].equals("2023-12-31")) bus2023 = r.id();
            }
            w.appendRecord(KIND, body("new-energy-bus", "2023-12-31", 76.4, bus2023,
                    "按修订后的年度统计更正 · corrected from the revised yearly statistics"));
            return null;
        });
    }

    private static Map<String, Object> body(String target, String date, double value, Long corrects, String note) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("target", target);
        b.put("value", value);
        b.put("date", date);
        b.put("source", SOURCE);
        if (note != null) b.put("note", note);
        if (corrects != null) b.put("corrects", corrects);
        b.put("synthetic", true);
        return b;
    }

    /** How many records {@link #append} writes. */
    public static int count() {
        return FIGURES.length + 1;
    }
}
