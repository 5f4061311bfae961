/** Book chapter 6, one main class per script of ch06/; Chapter6 runs them. */
package dlfs.chapter6;
