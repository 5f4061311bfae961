/**
 * The book's matplotlib figures drawn with JFreeChart in one shared, matplotlib-like style ({@code Style}),
 * written as PNG into the project's figures/ (or {@code -Ddlfs.figures=DIR}) by {@link dlfs.plot.PngFiles}, which
 * leaves a figure alone while the fingerprint of what it shows is unchanged.
 */
package dlfs.plot;
