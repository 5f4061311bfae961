/**
 * Book chapter 5, backpropagation: one main class per script of ch05/ (buy_apple.py, buy_apple_orange.py,
 * gradient_check.py, train_neuralnet.py); Chapter5 runs them. The chapter's layer_naive.py and two_layer_net.py are
 * dlfs.layers.MulLayer, AddLayer and dlfs.network.TwoLayerNet.
 */
package dlfs.chapter5;
