package org.sinkatlas.sink.standard;

/** A number of the standard, fixed or uncertain, with its place in the file, unit, source and check. */
public sealed interface Coefficient permits Figure, UncertainFigure {

    String id();

    String unit();

    String source();

    String where();

    Checked checked();

    /** The value the arithmetic is explained with: the figure, or an uncertain figure's central value. */
    double centralValue();
}
