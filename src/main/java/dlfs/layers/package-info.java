/**
 * Book chapter 5 and §6.3–6.4: layers with explicit forward and backward passes; port of common/layers.py, and of
 * ch05/layer_naive.py (MulLayer, AddLayer: the computational graph's nodes on single numbers).
 */
package dlfs.layers;
