/** Book §5.7 and §6.1–6.5: the two-layer network of chapter 5 (ch05/two_layer_net.py), the multi-layer networks, their initial weights and the trainer; ports of common/multi_layer_net.py, multi_layer_net_extend.py and trainer.py. */
package dlfs.network;
