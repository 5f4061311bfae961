/**
 * The command line every chapter shares, what Python gives the book's scripts for free: a {@link
 * dlfs.launch.Script} per book script (its options, help and figures), the {@link dlfs.launch.Launcher} that
 * runs scripts by name, file name, section or chapter from the {@link dlfs.launch.Chapter} tables of contents,
 * {@link dlfs.launch.Figures} (the book's {@code plt.savefig} and {@code plt.show()}) and {@link
 * dlfs.launch.Trials}, the small pool the hyperparameter search trains its trials on.
 */
package dlfs.launch;
