package org.sinkatlas.sink.targets;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.sinkatlas.layers.model.Localized;

/**
 * A scope's shape as the store holds it now (lon/lat), prepared for the tests of many features, with its
 * name for people and its area on the ellipsoid.
 */
public record ScopeArea(Scope scope, Localized label, Geometry geometry, PreparedGeometry prepared, double areaM2) {}
