package org.sinkatlas.layers.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimeIntervalTest {

    @Test
    void instantsIntervalsAndOpenEnds() {
        TimeInterval day = TimeInterval.parse("2023-12-31");
        assertEquals(Instant.parse("2023-12-31T00:00:00Z"), day.start());
        assertEquals(Instant.parse("2023-12-31T23:59:59.999Z"), day.end());
        assertEquals(LocalDate.of(2023, 12, 31), day.endDate());
        TimeInterval open = TimeInterval.parse("../2023-06-30T12:00:00+08:00");
        assertNull(open.start());
        assertEquals(Instant.parse("2023-06-30T04:00:00Z"), open.end());
        assertNull(TimeInterval.parse("2021-01-01/").end());
    }

    @Test
    void badValuesSayWhy() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TimeInterval.parse("2023-13-01")).getMessage()
                .contains("not a date"));
        assertThrows(IllegalArgumentException.class, () -> TimeInterval.parse("../.."));
        assertThrows(IllegalArgumentException.class, () -> TimeInterval.parse("yesterday"));
        assertThrows(IllegalArgumentException.class, () -> TimeInterval.parse("2024-01-01/2023-01-01"));
        assertThrows(IllegalArgumentException.class, () -> TimeInterval.parse("2023-01-01/2023-02-01/2023-03-01"));
    }
}
