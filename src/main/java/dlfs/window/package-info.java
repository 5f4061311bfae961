/**
 * What the book's {@code plt.show()} becomes when a reader wants to watch: live windows whose curves grow while a
 * network trains ({@link dlfs.window.LiveChart}, with Pause/Resume), explorers whose controls redraw a figure at
 * once ({@link dlfs.window.Explorer}, {@link dlfs.window.Controls}), and {@link dlfs.window.Frames}, which writes
 * every redraw as a numbered PNG with {@code -Ddlfs.frames=DIR}, also without a display. The figures themselves
 * are {@link dlfs.plot}'s; a window only reads the numbers it is given.
 */
package dlfs.window;
