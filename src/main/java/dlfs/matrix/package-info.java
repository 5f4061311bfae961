/** Matrix (rows as double[][]), MatMul (the one tuned file: the three products of the Affine layer) and Rng (the seeded numpy.random of the book). */
package dlfs.matrix;
