/** Book §6.1–6.5: the multi-layer networks, their initial weights and the trainer; port of common/multi_layer_net.py, multi_layer_net_extend.py and trainer.py. */
package dlfs.network;
