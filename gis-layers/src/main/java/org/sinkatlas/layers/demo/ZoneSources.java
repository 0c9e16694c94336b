package org.sinkatlas.layers.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.sinkatlas.layers.format.GeoJsonFeatureReader;
import org.sinkatlas.layers.format.GeoJsonFeatureReader.ReadFeature;

/**
 * The real geodata of the zone that ships in this module ({@code /demo/sources}, see docs/data.md for
 * sources and licences): district boundaries, the zone outline, lakes, rivers, key places and the
 * approximate key-zone circles.
 */
final class ZoneSources {

    final List<ReadFeature> districts;
    final Geometry outline;
    final List<ReadFeature> lakes;
    final List<ReadFeature> rivers;
    final List<ReadFeature> keyZoneCircles;
    final Map<String, Coordinate> places = new LinkedHashMap<>();

    ZoneSources() {
        districts = read("admin_districts.geojson");
        outline = read("demo_zone_outline.geojson").get(0).geometry();
        lakes = read("water_lakes_gshhg.geojson");
        rivers = read("water_rivers_wdbii.geojson");
        keyZoneCircles = read("key_zones_approx_synthetic.geojson");
        for (ReadFeature f : read("key_places.geojson")) {
            places.put((String) f.properties().get("name_en"), f.geometry().getCoordinate());
        }
    }

    /** A key place by the start of its English name, e.g. "Jinze". */
    Coordinate place(String englishNamePrefix) {
        for (Map.Entry<String, Coordinate> e : places.entrySet()) {
            if (e.getKey().startsWith(englishNamePrefix)) return e.getValue();
        }
        throw new IllegalArgumentException("no key place " + englishNamePrefix);
    }

    ReadFeature lake(String englishName) {
        return lakes.stream().filter(f -> englishName.equals(f.properties().get("name_en"))).findFirst().orElseThrow();
    }

    ReadFeature keyZoneCircle(String englishNamePrefix) {
        return keyZoneCircles.stream()
                .filter(f -> ((String) f.properties().get("name_en")).startsWith(englishNamePrefix)).findFirst()
                .orElseThrow();
    }

    private static List<ReadFeature> read(String name) {
        try (InputStream in = ZoneSources.class.getResourceAsStream("/demo/sources/" + name)) {
            if (in == null) throw new IOException("missing resource /demo/sources/" + name);
            return new GeoJsonFeatureReader().readAll(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
