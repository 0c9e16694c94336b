package org.sinkatlas.layers.crs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises which accepted CRS a WKT text describes (a shapefile's .prj, a GeoPackage SRS definition):
 * ESRI WKT1 as GDAL, ArcGIS and QGIS write it, OGC WKT1 and the common parts of WKT2. An EPSG authority
 * code wins when the text carries one; otherwise datum, ellipsoid, projection method and parameters are
 * compared with the accepted CRSs, because ESRI WKT (what .prj files usually hold) has no codes.
 */
final class WktCrs {

    /** A WKT keyword with its bracketed arguments: quoted texts, numbers and nested nodes. */
    record Node(String keyword, List<Object> args) {

        String text(int i) {
            return i < args.size() && args.get(i) instanceof String s ? s : "";
        }

        double number(int i) {
            return i < args.size() && args.get(i) instanceof Double d ? d : Double.NaN;
        }

        Optional<Node> child(String... keywords) {
            for (Object a : args) {
                if (a instanceof Node n) {
                    for (String k : keywords) {
                        if (n.keyword.equalsIgnoreCase(k)) return Optional.of(n);
                    }
                }
            }
            return Optional.empty();
        }

        List<Node> children(String keyword) {
            List<Node> out = new ArrayList<>();
            for (Object a : args) {
                if (a instanceof Node n && n.keyword.equalsIgnoreCase(keyword)) out.add(n);
            }
            return out;
        }
    }

    private final String text;
    private int pos;

    private WktCrs(String text) {
        this.text = text;
    }

    /** @throws IllegalArgumentException when the text is not WKT */
    static Node parse(String wkt) {
        WktCrs p = new WktCrs(wkt.trim());
        Node n = p.node();
        p.skipSpace();
        if (p.pos != p.text.length()) throw new IllegalArgumentException("unexpected text after the WKT at character " + p.pos);
        return n;
    }

    private Node node() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
        if (start == pos) throw new IllegalArgumentException("expected a WKT keyword at character " + pos);
        String keyword = text.substring(start, pos);
        skipSpace();
        List<Object> args = new ArrayList<>();
        if (pos < text.length() && (text.charAt(pos) == '[' || text.charAt(pos) == '(')) {
            char close = text.charAt(pos) == '[' ? ']' : ')';
            pos++;
            while (true) {
                skipSpace();
                if (pos >= text.length()) throw new IllegalArgumentException("the WKT ends before its brackets close");
                char c = text.charAt(pos);
                if (c == '"') {
                    args.add(quoted());
                } else if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
                    args.add(number());
                } else {
                    args.add(node());
                }
                skipSpace();
                if (pos >= text.length()) throw new IllegalArgumentException("the WKT ends before its brackets close");
                if (text.charAt(pos) == ',') {
                    pos++;
                } else if (text.charAt(pos) == close) {
                    pos++;
                    break;
                } else {
                    throw new IllegalArgumentException("unexpected '" + text.charAt(pos) + "' at character " + pos);
                }
            }
        }
        return new Node(keyword, args);
    }

    private String quoted() {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                if (pos < text.length() && text.charAt(pos) == '"') {
                    sb.append('"');
                    pos++;
                } else {
                    return sb.toString();
                }
            } else {
                sb.append(c);
            }
        }
        throw new IllegalArgumentException("a quoted WKT text is not closed");
    }

    private Double number() {
        int start = pos;
        while (pos < text.length() && "+-.eE0123456789".indexOf(text.charAt(pos)) >= 0) pos++;
        try {
            return Double.parseDouble(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number '" + text.substring(start, pos) + "' in the WKT");
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    // ------------------------------------------------------------------------------------------------
    // Matching

    /**
     * The accepted CRS a WKT describes.
     *
     * @throws UnknownCrsException saying what the WKT describes and why it is not accepted
     */
    static CrsDefinition match(String wkt) {
        Node root;
        try {
            root = parse(wkt);
        } catch (IllegalArgumentException e) {
            throw new UnknownCrsException("the CRS definition is not readable WKT: " + e.getMessage());
        }
        String kind = root.keyword.toUpperCase(Locale.ROOT);
        boolean projected = kind.equals("PROJCS") || kind.equals("PROJCRS") || kind.equals("PROJECTEDCRS");
        boolean geographic = kind.equals("GEOGCS") || kind.equals("GEOGCRS") || kind.equals("GEODCRS")
                || kind.equals("GEOGRAPHICCRS") || kind.equals("GEODETICCRS");
        if (!projected && !geographic) {
            throw new UnknownCrsException("the CRS definition is a " + root.keyword + ", not a geographic or projected CRS");
        }
        Optional<CrsDefinition> byCode = epsgCode(root).flatMap(WktCrs::accepted);
        if (byCode.isPresent()) return byCode.get();

        Node geog = projected ? root.child("GEOGCS", "GEOGCRS", "BASEGEOGCRS", "BASEGEODCRS").orElse(root) : root;
        Datum datum = datum(geog);
        String name = root.text(0);
        if (geographic) {
            if (datum == Datum.WGS84) return CrsService.EPSG_4326;
            if (datum == Datum.CGCS2000) return CrsService.EPSG_4490;
            throw refusal(name, "datum " + datumName(geog));
        }
        String method = normalised(root.child("PROJECTION", "METHOD").map(n -> n.text(0))
                .orElseGet(() -> root.child("CONVERSION").flatMap(c -> c.child("METHOD")).map(n -> n.text(0)).orElse("")));
        Node params = root.child("CONVERSION").orElse(root);
        double cm = parameter(params, "CENTRALMERIDIAN", "LONGITUDEOFNATURALORIGIN", "LONGITUDEOFCENTER");
        double k = parameter(params, "SCALEFACTOR", "SCALEFACTORATNATURALORIGIN");
        double fe = parameter(params, "FALSEEASTING");
        double fn = parameter(params, "FALSENORTHING");
        double lat0 = parameter(params, "LATITUDEOFORIGIN", "LATITUDEOFNATURALORIGIN", "STANDARDPARALLEL1");
        boolean metres = metres(root);
        String shown = "projection " + root.child("PROJECTION", "METHOD").map(n -> n.text(0)).orElse(method)
                + ", central meridian " + fmt(cm) + ", false easting " + fmt(fe) + ", datum " + datumName(geog);
        boolean transverse = method.contains("GAUSSKRUGER") || method.contains("TRANSVERSEMERCATOR");
        if (datum == Datum.CGCS2000 && transverse && near(cm, 120) && near(k, 1) && near(fe, 500_000) && zeroOrNaN(fn)
                && zeroOrNaN(lat0) && metres) {
            return CrsService.EPSG_4549;
        }
        String nameKey = normalised(name);
        boolean webMercator = method.contains("AUXILIARYSPHERE") || method.contains("PSEUDOMERCATOR")
                || nameKey.contains("WEBMERCATOR") || nameKey.contains("PSEUDOMERCATOR");
        if (datum == Datum.WGS84 && method.contains("MERCATOR") && webMercator && zeroOrNaN(cm) && zeroOrNaN(fe)
                && zeroOrNaN(fn) && metres) {
            return CrsService.EPSG_3857;
        }
        throw refusal(name, shown);
    }

    private enum Datum { WGS84, CGCS2000, OTHER }

    private static Datum datum(Node geog) {
        Optional<Node> datum = geog.child("DATUM", "GEODETICDATUM", "TRF");
        if (datum.isEmpty()) return Datum.OTHER;
        String name = normalised(datum.get().text(0));
        Optional<Node> ellipsoid = datum.get().child("SPHEROID", "ELLIPSOID");
        double a = ellipsoid.map(e -> e.number(1)).orElse(Double.NaN);
        double invF = ellipsoid.map(e -> e.number(2)).orElse(Double.NaN);
        boolean wgs84Ellipsoid = near(a, 6_378_137) && Math.abs(invF - 298.257223563) < 1e-6;
        boolean grs80Ellipsoid = near(a, 6_378_137) && Math.abs(invF - 298.257222101) < 1e-6;
        if ((name.contains("WGS1984") || name.contains("WGS84") || name.contains("WORLDGEODETICSYSTEM1984")) && wgs84Ellipsoid) {
            return Datum.WGS84;
        }
        if ((name.contains("CHINA2000") || name.contains("CGCS2000") || name.contains("CHINAGEODETICCOORDINATESYSTEM2000"))
                && grs80Ellipsoid) {
            return Datum.CGCS2000;
        }
        return Datum.OTHER;
    }

    private static String datumName(Node geog) {
        return geog.child("DATUM", "GEODETICDATUM", "TRF").map(d -> d.text(0)).orElse("(none)");
    }

    private static Optional<Integer> epsgCode(Node root) {
        for (String k : List.of("AUTHORITY", "ID")) {
            for (Node n : root.children(k)) {
                if (n.text(0).equalsIgnoreCase("EPSG")) {
                    if (n.args().size() > 1 && n.args().get(1) instanceof Double d) return Optional.of(d.intValue());
                    try {
                        return Optional.of(Integer.parseInt(n.text(1).trim()));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<CrsDefinition> accepted(int epsg) {
        for (CrsDefinition d : List.of(CrsService.EPSG_4326, CrsService.EPSG_4490, CrsService.EPSG_4549, CrsService.EPSG_3857)) {
            if (d.epsg() == epsg) return Optional.of(d);
        }
        return Optional.empty();
    }

    private static double parameter(Node n, String... names) {
        for (Node p : n.children("PARAMETER")) {
            String key = normalised(p.text(0));
            for (String name : names) {
                if (key.equals(name)) return p.number(1);
            }
        }
        return Double.NaN;
    }

    /** Whether the projected CRS's linear unit is the metre (WKT1 UNIT, WKT2 LENGTHUNIT or CS axis units). */
    private static boolean metres(Node root) {
        Optional<Node> unit = root.child("UNIT", "LENGTHUNIT");
        if (unit.isEmpty()) {
            // WKT2 may give the unit on each axis only.
            for (Node axis : root.children("AXIS")) {
                Optional<Node> u = axis.child("LENGTHUNIT", "UNIT");
                if (u.isPresent()) return near(u.get().number(1), 1);
            }
            return false;
        }
        return near(unit.get().number(1), 1);
    }

    private static UnknownCrsException refusal(String name, String what) {
        return new UnknownCrsException("the CRS '" + name + "' (" + what + ") is not one Sink Atlas accepts; accepted:"
                + " CGCS2000 (EPSG:4490), CGCS2000 3-degree Gauss-Kruger CM 120E (EPSG:4549), WGS 84 (EPSG:4326),"
                + " Web Mercator (EPSG:3857). Reproject the file first, e.g. ogr2ogr -t_srs EPSG:4549");
    }

    private static String normalised(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toUpperCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) sb.append(c);
        }
        return sb.toString();
    }

    private static boolean near(double v, double expected) {
        return Math.abs(v - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
    }

    private static boolean zeroOrNaN(double v) {
        return Double.isNaN(v) || near(v, 0);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "none" : v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
