/** Book chapter 7, convolutional neural networks: one main class per script of ch07/; Chapter7 runs them. */
package dlfs.chapter7;
