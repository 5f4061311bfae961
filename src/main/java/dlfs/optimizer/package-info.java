/** Book §6.1: parameter updates (SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adam); port of common/optimizer.py. */
package dlfs.optimizer;
