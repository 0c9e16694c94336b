package org.sinkatlas.sink.targets;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A figure an officer reported for a target, as kept (never changed): its value on a date, where it comes
 * from, who posted it and when.
 *
 * @param corrects    the id of the report this one corrects, or null
 * @param correctedBy the id of the later report that corrects this one, or null while it stands
 * @param synthetic   a demo figure, not an official one
 */
public record TargetReport(long id, String target, double value, LocalDate date, String source, String note,
        Long corrects, Long correctedBy, boolean synthetic, String author, Instant at) {

    /** Whether this report stands (no later report corrects it). */
    public boolean stands() {
        return correctedBy == null;
    }

    TargetReport correctedBy(long id) {
        return new TargetReport(this.id, target, value, date, source, note, corrects, id, synthetic, author, at);
    }
}
