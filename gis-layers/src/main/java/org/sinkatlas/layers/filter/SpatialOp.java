package org.sinkatlas.layers.filter;

/**
 * The DE-9IM relations of CQL2's spatial functions besides intersects and disjoint, as {@code op(feature,
 * geometry)}. Every one of them implies that the two geometries intersect, so engines pick candidates
 * with their spatial index first and test the relation exactly on those.
 */
public enum SpatialOp {
    /** The feature lies inside the geometry (CQL2 {@code S_WITHIN}). */
    WITHIN,
    /** The feature holds the geometry inside it (CQL2 {@code S_CONTAINS}). */
    CONTAINS,
    /** The two are topologically equal (CQL2 {@code S_EQUALS}). */
    EQUALS,
    /** They meet only on their boundaries (CQL2 {@code S_TOUCHES}). */
    TOUCHES,
    /** Their interiors meet in a lower dimension than the larger of the two (CQL2 {@code S_CROSSES}). */
    CROSSES,
    /** Same dimension, interiors meet, neither covers the other (CQL2 {@code S_OVERLAPS}). */
    OVERLAPS
}
