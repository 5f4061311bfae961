/**
 * The book's matplotlib figures drawn with JFreeChart in one shared, matplotlib-like style ({@code Style}),
 * written as PNG into the project's figures/ (or {@code -Ddlfs.figures=DIR}) by {@link dlfs.plot.PngFiles}, which
 * leaves a figure alone while its file is whole and shows the fingerprint of what the figure was drawn from
 * ({@link dlfs.plot.Figure}).
 */
package dlfs.plot;
