/** The book's matplotlib figures drawn with JFreeChart, written as PNG into figures/. */
package dlfs.plot;
