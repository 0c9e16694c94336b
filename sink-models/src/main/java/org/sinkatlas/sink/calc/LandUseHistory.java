package org.sinkatlas.sink.calc;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.sinkatlas.sink.standard.LandType;

/**
 * What a hectare has been, and since when: a list of land types with the year each began, oldest first.
 * The first is taken as long established (its soil and dead organic matter at their equilibrium; a woody
 * stand aged from its year); each later one starts a transition from what the land held at the end of
 * the year before. Equal histories are one stratum: their hectares add up.
 */
public record LandUseHistory(List<Segment> segments) {

    /** A land type from a year on. */
    public record Segment(LandType type, int from) {}

    public LandUseHistory {
        if (segments.isEmpty()) throw new IllegalArgumentException("a history needs a land use");
        segments = List.copyOf(segments);
    }

    public static LandUseHistory of(LandType type, int from) {
        return new LandUseHistory(List.of(new Segment(type, from)));
    }

    /** This history followed by another land type from a year (nothing changes for the same type). */
    public LandUseHistory then(LandType type, int from) {
        Segment last = segments.get(segments.size() - 1);
        if (last.type().equals(type)) return this;
        if (from < last.from()) throw new IllegalArgumentException("a change in " + from + " before the land use of " + last.from());
        List<Segment> s = new ArrayList<>(segments);
        s.add(new Segment(type, from));
        return new LandUseHistory(s);
    }

    /** The segment in force at the end of a year (the first one for years before it). */
    public int activeAt(int year) {
        int k = 0;
        for (int i = 1; i < segments.size(); i++) if (segments.get(i).from() <= year) k = i;
        return k;
    }

    public LandType current() {
        return segments.get(segments.size() - 1).type();
    }

    @Override
    public String toString() {
        return segments.stream().map(s -> s.type().id() + " from " + s.from()).collect(Collectors.joining(", then "));
    }
}
