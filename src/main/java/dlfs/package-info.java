/**
 * Deep Learning from Scratch in plain Java. {@link dlfs.Book} runs the book's scripts; each chapter package
 * ({@code dlfs.chapter6}, …) holds its scripts as mains named after them; the library packages hold what they
 * share, as the book's {@code common/} does.
 */
package dlfs;
