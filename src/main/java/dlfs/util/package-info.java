/**
 * Small pieces the experiments share that the book gets from Python itself: printing floats as Python does
 * ({@link dlfs.util.Py}), the project's folder ({@link dlfs.util.ProjectDir}) and errors the user can fix
 * ({@link dlfs.util.UserError}); and from the book's common/util.py, {@code smooth_curve}
 * ({@link dlfs.util.Smoothing}).
 */
package dlfs.util;
