package org.sinkatlas.sink.standard;

import org.sinkatlas.layers.model.Localized;

/** A part of urban green space (tree crown, lawn, paved) with its own pools and removal rate. */
public record Component(String id, Localized name, Pools pools, UncertainFigure removal) {}
