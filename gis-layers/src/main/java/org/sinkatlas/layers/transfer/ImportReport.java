package org.sinkatlas.layers.transfer;

import java.util.List;

/**
 * What an import did: how many features were read, written, rejected and repaired, each rejected feature
 * with where it is in the file and why, each repair, and what the readers assumed. An import writes all of
 * its features or none: {@code committed} is false, and {@code written} 0, whenever anything was rejected or
 * the whole file was refused ({@code refusal}).
 *
 * @param source  the file's name
 * @param crs     the CRS the file's coordinates were read in
 * @param dryRun  true when only checked, nothing written
 * @param refusal why the whole file was refused (unknown columns, no features, a fault of the file), or null
 */
public record ImportReport(String source, String layer, String crs, long read, long written, long rejected, long repaired,
        List<String> unknownColumns, List<Rejection> rejections, List<Repair> repairs, List<String> notes, boolean dryRun,
        boolean committed, String refusal) {

    /** A feature that was not imported. @param index 1-based position in the file; @param place e.g. "line 7" */
    public record Rejection(long index, String sourceId, String place, String reason) {}

    /** A feature whose geometry was invalid and was repaired with JTS GeometryFixer. */
    public record Repair(long index, String sourceId, String place, String fault, String result) {}

    /** Whether the file would be, or was, imported whole. */
    public boolean ok() {
        return refusal == null && rejected == 0;
    }
}
