/** Book chapter 5 and §6.3–6.4: layers with explicit forward and backward passes; port of common/layers.py. */
package dlfs.layers;
