package org.sinkatlas.layers.crs;

import static org.sinkatlas.layers.model.PlainNumbers.plain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.sinkatlas.layers.model.Localized;

/**
 * The CRS service: which CRSs Sink Atlas accepts and serves, how their names are written, and
 * transformations between them (proj4j). Storage CRS is OGC CRS84 (lon/lat, WGS 84).
 *
 * <p>CGCS2000 (EPSG:4490 and the projected EPSG:4549) is treated as coinciding with WGS 84: the two
 * differ by a few centimetres, below the accuracy of the zone's data, and proj4j has no published
 * transformation between them either.
 */
public final class CrsService {

    public static final String CRS84_URI = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    public static final CrsDefinition CRS84 = new CrsDefinition(CRS84_URI, "OGC:CRS84",
            Localized.of("WGS 84 经纬度（经度在前）", "WGS 84 longitude/latitude"), 4326, false, true);
    public static final CrsDefinition EPSG_4326 = new CrsDefinition("http://www.opengis.net/def/crs/EPSG/0/4326",
            "EPSG:4326", Localized.of("WGS 84（纬度在前）", "WGS 84 latitude/longitude"), 4326, true, true);
    public static final CrsDefinition EPSG_4490 = new CrsDefinition("http://www.opengis.net/def/crs/EPSG/0/4490",
            "EPSG:4490", Localized.of("2000国家大地坐标系 CGCS2000（纬度在前）", "CGCS2000 latitude/longitude"), 4490,
            true, true);
    public static final CrsDefinition EPSG_4549 = new CrsDefinition("http://www.opengis.net/def/crs/EPSG/0/4549",
            "EPSG:4549", Localized.of("CGCS2000 3度带高斯-克吕格 中央经线120°E（北向、东向，米）",
                    "CGCS2000 3-degree Gauss-Kruger CM 120E (northing, easting; metres)"), 4549, true, false);
    public static final CrsDefinition EPSG_3857 = new CrsDefinition("http://www.opengis.net/def/crs/EPSG/0/3857",
            "EPSG:3857", Localized.of("Web 墨卡托", "WGS 84 / Pseudo-Mercator"), 3857, false, false);

    private static final List<CrsDefinition> SUPPORTED = List.of(CRS84, EPSG_4326, EPSG_4490, EPSG_4549, EPSG_3857);

    private static final Pattern EPSG_URI = Pattern.compile(
            "https?://www\\.opengis\\.net/def/crs/EPSG/[^/]+/(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern EPSG_URN = Pattern.compile("urn:ogc:def:crs:EPSG:[^:]*:(\\d+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EPSG_CURIE = Pattern.compile("\\[?EPSG:(\\d+)]?", Pattern.CASE_INSENSITIVE);

    private final CRSFactory crsFactory = new CRSFactory();
    private final CoordinateTransformFactory transformFactory = new CoordinateTransformFactory();
    private final CoordinateReferenceSystem[] projCrs = new CoordinateReferenceSystem[SUPPORTED.size()];

    public CrsService() {
        for (int i = 0; i < SUPPORTED.size(); i++) {
            projCrs[i] = crsFactory.createFromName("EPSG:" + SUPPORTED.get(i).epsg());
        }
    }

    /** Every CRS accepted and served, CRS84 (the default and storage CRS) first. */
    public List<CrsDefinition> supported() {
        return SUPPORTED;
    }

    public CrsDefinition storage() {
        return CRS84;
    }

    /**
     * Finds a CRS by OGC URI ({@code http://www.opengis.net/def/crs/EPSG/0/4549}), safe CURIE
     * ({@code [EPSG:4549]}), short code ({@code EPSG:4549}, {@code OGC:CRS84}) or OGC URN.
     */
    public Optional<CrsDefinition> find(String reference) {
        if (reference == null) return Optional.empty();
        String r = reference.trim();
        String lower = r.toLowerCase(Locale.ROOT);
        if (lower.equals(CRS84_URI.toLowerCase(Locale.ROOT)) || lower.equals("https://www.opengis.net/def/crs/ogc/1.3/crs84")
                || lower.equals("ogc:crs84") || lower.equals("[ogc:crs84]") || lower.equals("crs84")
                || lower.equals("urn:ogc:def:crs:ogc:1.3:crs84")) {
            return Optional.of(CRS84);
        }
        for (Pattern p : List.of(EPSG_URI, EPSG_URN, EPSG_CURIE)) {
            Matcher m = p.matcher(r);
            if (m.matches()) return byEpsg(Integer.parseInt(m.group(1)));
        }
        return Optional.empty();
    }

    /**
     * Like {@link #find} but for a reference the caller must get right.
     *
     * @throws UnknownCrsException naming the supported CRSs
     */
    public CrsDefinition require(String reference) {
        return find(reference).orElseThrow(() -> new UnknownCrsException("unknown or unsupported CRS '" + reference
                + "'; supported: " + String.join(", ", SUPPORTED.stream().map(CrsDefinition::uri).toList())));
    }

    /**
     * The accepted CRS that a WKT definition describes (a shapefile's .prj, a GeoPackage SRS), matched by its
     * EPSG code when it has one, else by datum, projection and parameters (ESRI WKT carries no codes).
     *
     * @throws UnknownCrsException saying what the WKT describes and which CRSs are accepted
     */
    public CrsDefinition fromWkt(String wkt) {
        return WktCrs.match(wkt);
    }

    /**
     * Where a CRS is meant to be used, in lon/lat (the EPSG area of use): coordinates that land outside it
     * were almost always given in another CRS (a zone prefix, swapped axes, degrees taken as metres).
     */
    public Envelope areaOfUse(CrsDefinition crs) {
        switch (crs.epsg()) {
            case 4490: return new Envelope(73.62, 134.77, 16.7, 53.56);
            case 4549: return new Envelope(118.5, 121.5, 24.43, 53.33);
            case 3857: return new Envelope(-180, 180, -85.06, 85.06);
            default: return new Envelope(-180, 180, -90, 90);
        }
    }

    /**
     * Why a geometry given in {@code from} lies outside where that CRS is used (a wrong CRS, swapped axes), or
     * null when it does not; {@code inStorage} is the same geometry transformed to the storage CRS.
     */
    public String outsideAreaOfUse(Geometry given, Geometry inStorage, CrsDefinition from) {
        Envelope area = areaOfUse(from);
        Coordinate[] stored = inStorage.getCoordinates();
        Coordinate[] original = given.getCoordinates();
        for (int i = 0; i < stored.length; i++) {
            Coordinate c = stored[i];
            if (Double.isFinite(c.x) && Double.isFinite(c.y) && area.covers(c.x, c.y)) continue;
            return String.format(Locale.ROOT, "the coordinate (%s, %s) is outside the area where %s is used"
                    + " (longitude %s..%s, latitude %s..%s): wrong CRS, or x and y swapped?", plain(original[i].x),
                    plain(original[i].y), from.code(), plain(area.getMinX()), plain(area.getMaxX()),
                    plain(area.getMinY()), plain(area.getMaxY()));
        }
        return null;
    }

    /** The OGC WKT 1 definition of a served CRS (as EPSG defines it), for files that carry one (GeoPackage). */
    public static String ogcWkt(CrsDefinition crs) {
        String cgcs2000 = "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\","
                + "6378137,298.257222101,AUTHORITY[\"EPSG\",\"1024\"]],AUTHORITY[\"EPSG\",\"1043\"]],PRIMEM[\"Greenwich\",0,"
                + "AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]]";
        String wgs84 = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\","
                + "\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
                + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]]";
        switch (crs.epsg()) {
            case 4490:
                return cgcs2000 + ",AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4490\"]]";
            case 4549:
                return "PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger CM 120E\"," + cgcs2000 + ",AUTHORITY[\"EPSG\",\"4490\"]],"
                        + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\","
                        + "120],PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],"
                        + "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Northing\",NORTH],AXIS[\"Easting\",EAST],"
                        + "AUTHORITY[\"EPSG\",\"4549\"]]";
            case 3857:
                return "PROJCS[\"WGS 84 / Pseudo-Mercator\"," + wgs84 + ",AUTHORITY[\"EPSG\",\"4326\"]],"
                        + "PROJECTION[\"Mercator_1SP\"],PARAMETER[\"central_meridian\",0],PARAMETER[\"scale_factor\",1],"
                        + "PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1,AUTHORITY[\"EPSG\","
                        + "\"9001\"]],AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH],EXTENSION[\"PROJ4\",\"+proj=merc"
                        + " +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext"
                        + " +no_defs\"],AUTHORITY[\"EPSG\",\"3857\"]]";
            default:
                return wgs84 + ",AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]";
        }
    }

    private Optional<CrsDefinition> byEpsg(int epsg) {
        for (CrsDefinition d : SUPPORTED) {
            if (d.epsg() == epsg && d != CRS84) return Optional.of(d);
        }
        return Optional.empty();
    }

    /**
     * A transformation of (east, north) coordinates between two supported CRSs. The returned object
     * is not thread-safe: make one per task, it is cheap.
     */
    public GeometryTransform transform(CrsDefinition from, CrsDefinition to) {
        if (from.sameCoordinatesAs(to)) return GeometryTransform.IDENTITY;
        return new GeometryTransform(transformFactory.createTransform(projCrs[SUPPORTED.indexOf(from)],
                projCrs[SUPPORTED.indexOf(to)]));
    }

    /** From the storage CRS to {@code to}. */
    public GeometryTransform fromStorage(CrsDefinition to) {
        return transform(CRS84, to);
    }

    /** From {@code from} to the storage CRS. */
    public GeometryTransform toStorage(CrsDefinition from) {
        return transform(from, CRS84);
    }

    /**
     * A geometry as a client wrote it in a CRS (in that CRS's axis order, e.g. latitude first for
     * EPSG:4326) brought to the storage CRS.
     */
    public Geometry toStorage(Geometry written, CrsDefinition crs) {
        return toStorage(crs).apply(crs.northingFirst() ? GeometryTransform.swapAxes(written) : written);
    }

    /**
     * A box written as {@code lower1, lower2, upper1, upper2} (or six numbers with heights, which are
     * ignored) in the axis order of {@code crs}, as a polygon in the storage CRS. A box in a projected CRS
     * is densified before it is transformed, so that its curved edges in lon/lat are followed.
     *
     * In a geographic CRS a west edge east of the east edge crosses the antimeridian (OGC API Features Part 1
     * §7.15.3): the box is the two boxes either side of it.
     *
     * @throws IllegalArgumentException naming what is wrong: a lower corner above the upper one, or degrees
     *                                  out of range
     */
    public Geometry boxToStorage(double[] values, CrsDefinition crs) {
        if (values.length != 4 && values.length != 6) {
            throw new IllegalArgumentException("a box has 4 numbers (or 6 with heights), not " + values.length);
        }
        for (double v : values) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("box values must be finite numbers");
        }
        int half = values.length / 2;
        // Axis order of the CRS: (north, east) for EPSG:4326, 4490 and 4549.
        double minX = crs.northingFirst() ? values[1] : values[0];
        double minY = crs.northingFirst() ? values[0] : values[1];
        double maxX = crs.northingFirst() ? values[half + 1] : values[half];
        double maxY = crs.northingFirst() ? values[half] : values[half + 1];
        boolean acrossAntimeridian = crs.geographic() && minX > maxX;
        if ((minX > maxX && !acrossAntimeridian) || minY > maxY) {
            throw new IllegalArgumentException("the lower corner must not exceed the upper corner (axis order of "
                    + crs.code() + " is " + (crs.northingFirst() ? "north, east" : "east, north") + ")");
        }
        if (crs.geographic() && (minX < -180 || maxX > 180 || minY < -90 || maxY > 90 || maxX < -180 || minX > 180)) {
            throw new IllegalArgumentException("the box is outside longitude -180..180 / latitude -90..90");
        }
        GeometryFactory factory = new GeometryFactory();
        if (acrossAntimeridian) {
            return factory.createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {
                (org.locationtech.jts.geom.Polygon) factory.toGeometry(new Envelope(minX, 180, minY, maxY)),
                (org.locationtech.jts.geom.Polygon) factory.toGeometry(new Envelope(-180, maxX, minY, maxY))});
        }
        Envelope env = new Envelope(minX, maxX, minY, maxY);
        Geometry box = factory.toGeometry(env);
        if (crs.geographic()) return box;
        double step = Math.max(env.getWidth(), env.getHeight()) / 16;
        if (step > 0) box = Densifier.densify(box, step);
        return toStorage(crs).apply(box);
    }
}
