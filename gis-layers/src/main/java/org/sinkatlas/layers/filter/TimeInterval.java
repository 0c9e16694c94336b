package org.sinkatlas.layers.filter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A closed time interval whose ends may be open (null), as in the OGC API {@code datetime} parameter:
 * an instant, {@code start/end}, {@code ../end} or {@code start/..}. Dates are taken as whole UTC days.
 */
public record TimeInterval(Instant start, Instant end) {

    public TimeInterval {
        if (start != null && end != null && start.isAfter(end)) {
            throw new IllegalArgumentException("the interval starts (" + start + ") after it ends (" + end + ")");
        }
    }

    /**
     * Parses an RFC 3339 instant or interval.
     *
     * @throws IllegalArgumentException with the reason, for anything else
     */
    public static TimeInterval parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("datetime is empty");
        String t = text.trim();
        int slash = t.indexOf('/');
        if (slash < 0) {
            if (t.equals("..")) throw new IllegalArgumentException("'..' is only allowed as one end of an interval");
            return new TimeInterval(startOf(t), endOf(t));
        }
        if (t.indexOf('/', slash + 1) >= 0) throw new IllegalArgumentException("an interval has exactly one '/'");
        String a = t.substring(0, slash).trim();
        String b = t.substring(slash + 1).trim();
        boolean openA = a.isEmpty() || a.equals("..");
        boolean openB = b.isEmpty() || b.equals("..");
        if (openA && openB) throw new IllegalArgumentException("an interval needs at least one end");
        return new TimeInterval(openA ? null : startOf(a), openB ? null : endOf(b));
    }

    private static Instant startOf(String s) {
        if (isDate(s)) return parseDate(s).atStartOfDay().toInstant(ZoneOffset.UTC);
        return parseDateTime(s);
    }

    private static Instant endOf(String s) {
        if (isDate(s)) return parseDate(s).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1_000_000);
        return parseDateTime(s);
    }

    private static boolean isDate(String s) {
        return s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-';
    }

    private static LocalDate parseDate(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + s + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static Instant parseDateTime(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + s + "' is not an RFC 3339 date-time such as 2023-06-01T00:00:00Z");
        }
    }

    /** First day touched by the interval, for DATE properties (null when open). */
    public LocalDate startDate() {
        return start == null ? null : LocalDate.ofInstant(start, ZoneOffset.UTC);
    }

    /** Last day touched by the interval, for DATE properties (null when open). */
    public LocalDate endDate() {
        return end == null ? null : LocalDate.ofInstant(end, ZoneOffset.UTC);
    }
}
