/** Book chapters 3–4: softmax, cross-entropy error and the numerical gradient; port of common/functions.py and common/gradient.py. */
package dlfs.functions;
