/** MNIST for the experiments of chapter 6 (book §3.6.1, used throughout ch. 4-6); port of dataset/mnist.py. */
package dlfs.dataset;
