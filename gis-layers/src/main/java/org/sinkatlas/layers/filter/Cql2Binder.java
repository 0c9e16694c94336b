package org.sinkatlas.layers.filter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Geometry;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.geom.GeometryFault;
import org.sinkatlas.layers.geom.GeometryValidator;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.model.PropertyType;

/**
 * Turns a parsed CQL2 expression into a {@link Filter} on one layer: property names are checked against the
 * layer ({@code id} is the feature id, {@code geometry} its geometry), literals are converted to the
 * property's type, geometry literals are brought from the filter CRS to the storage CRS and checked.
 * Predicates take a property on the left and literals on the right (CQL2 Basic), except that spatial
 * functions also accept them the other way round.
 *
 * <p>Times: a date compared with a timestamp property stands for its whole UTC day, so
 * {@code checked = DATE('2024-05-01')} is any time that day; a timestamp compared with a date property is
 * refused, since a date has no time of day to compare it with.
 */
public final class Cql2Binder {

    /** The name of the geometry in filters and queryables. */
    public static final String GEOMETRY = "geometry";
    /** The name of the feature id in filters and queryables. */
    public static final String ID = "id";

    private static final Map<String, ComparisonOp> COMPARISONS = Map.of("=", ComparisonOp.EQ, "<>", ComparisonOp.NE,
            "<", ComparisonOp.LT, "<=", ComparisonOp.LE, ">", ComparisonOp.GT, ">=", ComparisonOp.GE);
    private static final Map<String, SpatialOp> SPATIAL = Map.of("s_within", SpatialOp.WITHIN,
            "s_contains", SpatialOp.CONTAINS, "s_equals", SpatialOp.EQUALS, "s_touches", SpatialOp.TOUCHES,
            "s_crosses", SpatialOp.CROSSES, "s_overlaps", SpatialOp.OVERLAPS);

    private final LayerInfo layer;
    private final CrsService crs;
    private final CrsDefinition filterCrs;

    /** @param filterCrs the CRS of geometry literals (default CRS84), in its own axis order */
    public Cql2Binder(LayerInfo layer, CrsService crs, CrsDefinition filterCrs) {
        this.layer = layer;
        this.crs = crs;
        this.filterCrs = filterCrs;
    }

    /**
     * The filter that {@code e} means on this binder's layer.
     *
     * @throws Cql2Exception naming the position and the reason
     */
    public Filter bind(Cql2Expression e) {
        return predicate(e);
    }

    // ------------------------------------------------------------------------------------------------
    // Predicates

    private Filter predicate(Cql2Expression e) {
        if (e instanceof Cql2Expression.Literal l && l.value() instanceof Boolean b) {
            return b ? Filter.ALL : new Filter.Not(Filter.ALL);
        }
        if (!(e instanceof Cql2Expression.Call c)) {
            throw fail(e, "expected a predicate (a comparison, LIKE, IN, BETWEEN, IS NULL, S_ or T_ function)");
        }
        String op = c.op();
        List<Cql2Expression> args = c.args();
        switch (op) {
            case "and":
            case "or": {
                if (args.size() < 2) throw fail(c, op.toUpperCase(Locale.ROOT) + " needs at least two arguments");
                List<Filter> parts = new ArrayList<>();
                for (Cql2Expression a : args) parts.add(predicate(a));
                return op.equals("and") ? new Filter.And(parts) : new Filter.Or(parts);
            }
            case "not":
                arity(c, 1);
                return new Filter.Not(predicate(args.get(0)));
            case "like":
                return like(c);
            case "between":
                return between(c);
            case "in":
                return in(c);
            case "isnull":
                return isNull(c);
            case "s_intersects":
            case "s_disjoint":
            case "s_within":
            case "s_contains":
            case "s_equals":
            case "s_touches":
            case "s_crosses":
            case "s_overlaps":
                return spatial(c);
            case "casei":
                throw fail(c, "CASEI gives a string, not a condition: compare it, e.g. CASEI(name) = CASEI('x')");
            case "accenti":
                throw fail(c, "ACCENTI (accent-insensitive comparison) is not supported");
            default:
                if (COMPARISONS.containsKey(op)) return compare(c);
                if (op.startsWith("t_")) return temporal(c);
                if (op.startsWith("a_")) {
                    throw fail(c, op.toUpperCase(Locale.ROOT) + ": array functions are not supported");
                }
                throw fail(c, "unknown operator or function '" + op + "'");
        }
    }

    private Filter compare(Cql2Expression.Call c) {
        arity(c, 2);
        Operand left = operand(c.args().get(0), c.op());
        Cql2Expression right = c.args().get(1);
        boolean casei = left.casei || isCasei(right);
        Object value = literal(unwrapCasei(right), left);
        ComparisonOp op = COMPARISONS.get(c.op());
        if (casei) requireString(left, c, "CASEI");
        if (left.type == PropertyType.DATETIME && value instanceof LocalDate day) {
            // A date is a whole day at a timestamp's granularity.
            TimeSpan prop = TimeSpan.instant(new TimeSpan.PropertyEnd(left.name));
            TimeSpan dayspan = daySpan(day);
            switch (op) {
                case EQ: return new Filter.Temporal(TemporalOp.INTERSECTS, prop, dayspan);
                case NE: return new Filter.Temporal(TemporalOp.DISJOINT, prop, dayspan);
                case LT: return new Filter.Temporal(TemporalOp.BEFORE, prop, dayspan);
                case GT: return new Filter.Temporal(TemporalOp.AFTER, prop, dayspan);
                case LE: return new Filter.Not(new Filter.Temporal(TemporalOp.AFTER, prop, dayspan));
                default: return new Filter.Not(new Filter.Temporal(TemporalOp.BEFORE, prop, dayspan));
            }
        }
        return new Filter.Compare(left.name, op, value, casei);
    }

    private Filter like(Cql2Expression.Call c) {
        arity(c, 2);
        Operand left = operand(c.args().get(0), "LIKE");
        requireString(left, c, "LIKE");
        Cql2Expression pattern = c.args().get(1);
        boolean casei = left.casei || isCasei(pattern);
        Cql2Expression p = unwrapCasei(pattern);
        if (!(p instanceof Cql2Expression.Literal l) || !(l.value() instanceof String s)) {
            throw fail(pattern, "LIKE needs a pattern in single quotes, e.g. 'Qing%'");
        }
        return new Filter.Like(left.name, s, casei);
    }

    private Filter between(Cql2Expression.Call c) {
        arity(c, 3);
        Operand left = operand(c.args().get(0), "BETWEEN");
        if (left.casei) throw fail(c, "BETWEEN does not take CASEI");
        if (left.type == PropertyType.BOOLEAN) {
            throw fail(c, "property '" + left.name + "' is true or false; BETWEEN needs numbers or times");
        }
        Object low = literal(c.args().get(1), left);
        Object high = literal(c.args().get(2), left);
        if (left.type == PropertyType.DATETIME && (low instanceof LocalDate || high instanceof LocalDate)) {
            return new Filter.Temporal(TemporalOp.INTERSECTS, TimeSpan.instant(new TimeSpan.PropertyEnd(left.name)),
                    TimeSpan.interval(new TimeSpan.ValueEnd(startOf(low)), new TimeSpan.ValueEnd(endOf(high))));
        }
        return new Filter.Between(left.name, low, high);
    }

    private Filter in(Cql2Expression.Call c) {
        arity(c, 2);
        Operand left = operand(c.args().get(0), "IN");
        if (!(c.args().get(1) instanceof Cql2Expression.ListOf list)) {
            throw fail(c.args().get(1), "IN needs a list of values, e.g. IN ('a', 'b')");
        }
        boolean casei = left.casei;
        for (Cql2Expression item : list.items()) casei |= isCasei(item);
        if (casei) requireString(left, c, "CASEI");
        if (left.type == PropertyType.DATETIME) {
            for (Cql2Expression item : list.items()) {
                if (literal(item, left) instanceof LocalDate) {
                    throw fail(item, "property '" + left.name + "' holds timestamps; list them with TIMESTAMP('...')");
                }
            }
        }
        List<Object> values = new ArrayList<>();
        for (Cql2Expression item : list.items()) {
            values.add(literal(unwrapCasei(item), left));
        }
        return new Filter.In(left.name, values, casei);
    }

    private Filter isNull(Cql2Expression.Call c) {
        arity(c, 1);
        if (c.args().get(0) instanceof Cql2Expression.Property p && p.name().equals(GEOMETRY)) {
            // Every stored feature has a geometry.
            return new Filter.Not(Filter.ALL);
        }
        if (c.args().get(0) instanceof Cql2Expression.Property p) {
            // Every feature has an id; any property, JSON ones too, may be missing.
            return p.name().equals(ID) ? new Filter.Not(Filter.ALL) : new Filter.IsNull(property(p).name());
        }
        throw fail(c.args().get(0), "IS NULL takes a property name");
    }

    private Filter spatial(Cql2Expression.Call c) {
        arity(c, 2);
        String op = c.op();
        Cql2Expression a = c.args().get(0);
        Cql2Expression b = c.args().get(1);
        if (!isGeometryProperty(a) && isGeometryProperty(b)) {
            // Every relation has a converse: within and contains swap, the others are symmetric.
            Cql2Expression t = a;
            a = b;
            b = t;
            if (op.equals("s_within")) op = "s_contains";
            else if (op.equals("s_contains")) op = "s_within";
        }
        if (!isGeometryProperty(a)) {
            throw fail(a, op.toUpperCase(Locale.ROOT) + " compares the property '" + GEOMETRY + "' with a geometry"
                    + " literal, e.g. " + op.toUpperCase(Locale.ROOT) + "(" + GEOMETRY + ", POINT(120.9 31.0))");
        }
        Geometry g = geometry(b);
        switch (op) {
            case "s_intersects": return new Filter.Intersects(g);
            case "s_disjoint": return new Filter.Not(new Filter.Intersects(g));
            default: return new Filter.Spatial(SPATIAL.get(op), g);
        }
    }

    private Filter temporal(Cql2Expression.Call c) {
        TemporalOp op;
        try {
            op = TemporalOp.valueOf(c.op().substring(2).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fail(c, "unknown temporal function '" + c.op().toUpperCase(Locale.ROOT) + "'");
        }
        arity(c, 2);
        Cql2Expression a = c.args().get(0);
        Cql2Expression b = c.args().get(1);
        if (!mentionsProperty(a)) {
            throw fail(a, op.cql2Name() + " takes a time property (or an INTERVAL of properties) first and a"
                    + " literal second, e.g. " + op.cql2Name() + "(completed, INTERVAL('2023-01-01', '2023-12-31'))");
        }
        if (mentionsProperty(b)) {
            throw fail(b, op.cql2Name() + " compares with a literal time here; comparing two properties is not"
                    + " supported");
        }
        List<Cql2Expression> ends = new ArrayList<>();
        collectEnds(a, ends);
        collectEnds(b, ends);
        PropertyType granularity = null;
        for (Cql2Expression end : ends) {
            if (end instanceof Cql2Expression.Property p) {
                PropertyType t = timeProperty(p);
                if (granularity != null && granularity != t) {
                    throw fail(p, "the properties of one filter must all be dates or all timestamps");
                }
                granularity = t;
            }
        }
        boolean dates = granularity == PropertyType.DATE;
        TimeSpan left = span(a, dates, op);
        TimeSpan right = span(b, dates, op);
        if (!op.acceptsInstants() && (left.instant() || right.instant())) {
            Cql2Expression instant = left.instant() ? a : b;
            throw fail(instant, op.cql2Name() + " compares intervals, and this is an instant; use T_INTERSECTS,"
                    + " T_BEFORE, T_AFTER, T_EQUALS or T_DISJOINT with instants, or write INTERVAL(start, end)");
        }
        if (op == TemporalOp.EQUALS && !dates && isDayOf(b)) {
            // A date at a timestamp's granularity is its whole day: equal means any time that day.
            op = TemporalOp.INTERSECTS;
        }
        return new Filter.Temporal(op, left, right);
    }

    // ------------------------------------------------------------------------------------------------
    // Operands

    /** A property on the left of a predicate, maybe inside CASEI. */
    private record Operand(String name, PropertyType type, boolean casei) {}

    private Operand operand(Cql2Expression e, String what) {
        boolean casei = false;
        Cql2Expression inner = e;
        if (isCasei(inner)) {
            casei = true;
            inner = unwrapCasei(inner);
        }
        if (!(inner instanceof Cql2Expression.Property p)) {
            throw fail(e, "expected a property name on the left of " + what
                    + " (a literal on the left is not supported)");
        }
        if (p.name().equals(GEOMETRY)) {
            throw fail(p, "'" + GEOMETRY + "' is compared with the S_ functions, e.g. S_INTERSECTS(geometry,"
                    + " BBOX(...))");
        }
        if (p.name().equals(ID)) return new Operand(ID, PropertyType.INTEGER, casei);
        PropertyDef def = property(p);
        if (def.type() == PropertyType.JSON) {
            throw fail(p, "property '" + def.name() + "' holds JSON objects and cannot be filtered by value");
        }
        return new Operand(def.name(), def.type(), casei);
    }

    private PropertyDef property(Cql2Expression.Property p) {
        Optional<PropertyDef> def = layer.property(p.name());
        if (def.isEmpty()) {
            List<String> known = new ArrayList<>(List.of(ID, GEOMETRY));
            layer.properties().stream().filter(d -> d.type() != PropertyType.JSON).forEach(d -> known.add(d.name()));
            throw fail(p, "unknown property '" + p.name() + "' for collection " + layer.id() + " (queryables: "
                    + String.join(", ", known) + ")");
        }
        return def.get();
    }

    private PropertyType timeProperty(Cql2Expression.Property p) {
        PropertyDef def = property(p);
        if (!def.type().isTemporal()) {
            throw fail(p, "property '" + def.name() + "' is " + def.type().describe() + ", not a date or timestamp");
        }
        return def.type();
    }

    /** A literal converted to the type of the property it is compared with. */
    private Object literal(Cql2Expression e, Operand to) {
        if (!(e instanceof Cql2Expression.Literal l) || l.value() instanceof Geometry) {
            throw fail(e, "expected a " + describe(to.type) + " literal for property '" + to.name + "'"
                    + (e instanceof Cql2Expression.Property ? " (comparing two properties is not supported)" : ""));
        }
        Object v = l.value();
        if (to.type.isTemporal() && v instanceof String s) v = dateOrText(s);
        boolean fits;
        switch (to.type) {
            case STRING:
                fits = v instanceof String;
                break;
            case INTEGER:
                fits = v instanceof Long || (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.0e15);
                break;
            case REAL:
                fits = v instanceof Long || v instanceof Double;
                break;
            case BOOLEAN:
                fits = v instanceof Boolean;
                break;
            case DATE:
                if (v instanceof Instant) {
                    throw fail(e, "property '" + to.name + "' holds dates, which have no time of day: compare it with"
                            + " DATE('YYYY-MM-DD')");
                }
                fits = v instanceof LocalDate || v instanceof String;
                break;
            case DATETIME:
                if (v instanceof LocalDate) return v;
                fits = v instanceof Instant || v instanceof String;
                break;
            default:
                fits = false;
        }
        if (!fits) {
            throw fail(e, "property '" + to.name + "' is " + to.type.describe() + "; " + shown(v) + " is "
                    + kindOf(v));
        }
        try {
            return to.type.coerce(v);
        } catch (IllegalArgumentException ex) {
            throw fail(e, "property '" + to.name + "': " + ex.getMessage());
        }
    }

    /**
     * A string compared with a time property, read as a date when it is one: {@code '2023-01-01'}, or
     * {@code '2023-01-01T'}, as GDAL 3.6 writes dates in its CQL text.
     */
    private static Object dateOrText(String s) {
        String day = s.length() == 11 && s.charAt(10) == 'T' ? s.substring(0, 10) : s;
        if (day.length() != 10) return s;
        try {
            return LocalDate.parse(day);
        } catch (java.time.format.DateTimeParseException e) {
            return s;
        }
    }

    private static String describe(PropertyType t) {
        switch (t) {
            case STRING: return "string";
            case INTEGER: return "integer";
            case REAL: return "number";
            case BOOLEAN: return "boolean";
            case DATE: return "DATE('...')";
            case DATETIME: return "TIMESTAMP('...')";
            default: return t.name().toLowerCase(Locale.ROOT);
        }
    }

    private static String kindOf(Object v) {
        if (v instanceof String) return "a string";
        if (v instanceof Long || v instanceof Double) return "a number";
        if (v instanceof Boolean) return "a boolean";
        if (v instanceof LocalDate) return "a date";
        if (v instanceof Instant) return "a timestamp";
        return "a " + v.getClass().getSimpleName();
    }

    private static String shown(Object v) {
        String s = v instanceof String str ? "'" + str + "'" : String.valueOf(v);
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    private void requireString(Operand o, Cql2Expression at, String what) {
        if (o.type != PropertyType.STRING) {
            throw fail(at, what + " applies to strings; property '" + o.name + "' is " + o.type.describe());
        }
    }

    private static boolean isCasei(Cql2Expression e) {
        return e instanceof Cql2Expression.Call c && c.op().equals("casei");
    }

    private Cql2Expression unwrapCasei(Cql2Expression e) {
        Cql2Expression inner = e;
        while (isCasei(inner)) {
            Cql2Expression.Call c = (Cql2Expression.Call) inner;
            arity(c, 1);
            inner = c.args().get(0);
        }
        return inner;
    }

    // ------------------------------------------------------------------------------------------------
    // Geometry

    private static boolean isGeometryProperty(Cql2Expression e) {
        return e instanceof Cql2Expression.Property p && p.name().equals(GEOMETRY);
    }

    private Geometry geometry(Cql2Expression e) {
        Geometry stored;
        if (e instanceof Cql2Expression.Bbox box) {
            try {
                stored = crs.boxToStorage(box.values(), filterCrs);
            } catch (IllegalArgumentException ex) {
                throw fail(e, "BBOX: " + ex.getMessage());
            }
        } else if (e instanceof Cql2Expression.Literal l && l.value() instanceof Geometry written) {
            if (written.isEmpty()) throw fail(e, "the geometry is empty");
            Geometry g = written;
            if (!filterCrs.geographic()) {
                // Straight edges in metres are curves in lon/lat: follow them with extra vertices.
                double step = Math.max(g.getEnvelopeInternal().getWidth(), g.getEnvelopeInternal().getHeight()) / 16;
                if (step > 0 && g.getDimension() > 0) g = Densifier.densify(g, step);
            }
            stored = crs.toStorage(g, filterCrs);
        } else if (e instanceof Cql2Expression.Property p) {
            throw fail(e, "expected a geometry literal (WKT or BBOX), found the property '" + p.name()
                    + "' (comparing two properties is not supported)");
        } else {
            throw fail(e, "expected a geometry literal: WKT such as POINT(120.9 31.0) or BBOX(minx, miny, maxx, maxy)");
        }
        Optional<GeometryFault> fault = GeometryValidator.check(stored);
        if (fault.isPresent()) {
            throw fail(e, "the geometry is not valid in " + filterCrs.code() + ": " + fault.get().describe());
        }
        return stored;
    }

    // ------------------------------------------------------------------------------------------------
    // Time

    private static boolean mentionsProperty(Cql2Expression e) {
        if (e instanceof Cql2Expression.Property) return true;
        if (e instanceof Cql2Expression.Interval i) return mentionsProperty(i.start()) || mentionsProperty(i.end());
        return false;
    }

    private static void collectEnds(Cql2Expression e, List<Cql2Expression> out) {
        if (e instanceof Cql2Expression.Interval i) {
            out.add(i.start());
            out.add(i.end());
        } else {
            out.add(e);
        }
    }

    private static boolean isDayOf(Cql2Expression e) {
        return e instanceof Cql2Expression.Literal l && l.value() instanceof LocalDate;
    }

    /** A temporal operand: at the granularity of the filter's properties (dates, or else timestamps). */
    private TimeSpan span(Cql2Expression e, boolean dates, TemporalOp op) {
        if (e instanceof Cql2Expression.Interval i) {
            TimeSpan.End start = end(i.start(), dates, true, op);
            TimeSpan.End end = end(i.end(), dates, false, op);
            if (start instanceof TimeSpan.ValueEnd s && end instanceof TimeSpan.ValueEnd f
                    && compareTimes(s.value(), f.value()) > 0) {
                throw fail(e, "the interval starts after it ends");
            }
            return TimeSpan.interval(start, end);
        }
        if (e instanceof Cql2Expression.Property p) {
            property(p);
            return TimeSpan.instant(new TimeSpan.PropertyEnd(p.name()));
        }
        if (e instanceof Cql2Expression.Literal l && l.value() instanceof LocalDate day && !dates) {
            // A date against timestamps is its whole day.
            return daySpan(day);
        }
        return TimeSpan.instant(end(e, dates, true, op));
    }

    private TimeSpan.End end(Cql2Expression e, boolean dates, boolean start, TemporalOp op) {
        if (e instanceof Cql2Expression.Open) return TimeSpan.OPEN;
        if (e instanceof Cql2Expression.Property p) {
            timeProperty(p);
            return new TimeSpan.PropertyEnd(p.name());
        }
        if (e instanceof Cql2Expression.Literal l) {
            Object v = l.value();
            if (v instanceof String s) {
                try {
                    v = s.length() == 10 ? LocalDate.parse(s) : PropertyType.DATETIME.coerce(s);
                } catch (RuntimeException ex) {
                    throw fail(e, "'" + s + "' is not a date or an RFC 3339 timestamp");
                }
            }
            if (v instanceof LocalDate d) return new TimeSpan.ValueEnd(dates ? d : start ? startOf(d) : endOf(d));
            if (v instanceof Instant t) {
                if (dates) {
                    throw fail(e, op.cql2Name() + " on date properties takes dates: write DATE('YYYY-MM-DD') or"
                            + " INTERVAL('YYYY-MM-DD', 'YYYY-MM-DD')");
                }
                return new TimeSpan.ValueEnd(t);
            }
        }
        throw fail(e, op.cql2Name() + " takes times: a time property, DATE('...'), TIMESTAMP('...') or INTERVAL(...)");
    }

    private static TimeSpan daySpan(LocalDate day) {
        return TimeSpan.interval(new TimeSpan.ValueEnd(startOf(day)), new TimeSpan.ValueEnd(endOf(day)));
    }

    private static Instant startOf(Object dayOrTime) {
        return dayOrTime instanceof LocalDate d ? d.atStartOfDay().toInstant(ZoneOffset.UTC) : (Instant) dayOrTime;
    }

    private static Instant endOf(Object dayOrTime) {
        if (!(dayOrTime instanceof LocalDate d)) return (Instant) dayOrTime;
        return d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1_000_000);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareTimes(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    // ------------------------------------------------------------------------------------------------

    private static void arity(Cql2Expression.Call c, int n) {
        if (c.args().size() != n) {
            throw fail(c, c.op().toUpperCase(Locale.ROOT) + " takes " + n + " argument" + (n == 1 ? "" : "s") + ", not "
                    + c.args().size());
        }
    }

    private static Cql2Exception fail(Cql2Expression at, String reason) {
        return new Cql2Exception("filter: " + reason + " (at " + at.at() + ")");
    }
}
