package org.sinkatlas.server.features;

import java.util.List;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.server.http.Link;

/**
 * A part of the service beyond OGC API Features (tiles, styles ...) that announces itself where clients
 * look: links on the landing page and on each collection, and its conformance classes.
 */
public interface ApiExtension {

    List<Link> landingLinks(String base);

    List<Link> collectionLinks(String base, LayerInfo layer);

    List<String> conformanceClasses();
}
