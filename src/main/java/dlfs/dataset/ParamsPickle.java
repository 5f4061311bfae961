package dlfs.dataset;

import dlfs.util.UserError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The book's parameter files, e.g. ch07/params.pkl: a Python pickle of a dict that maps names ("W1", "b1", …) to
 * float64 numpy arrays, as {@code SimpleConvNet.save_params} writes with {@code pickle.dump(params, f)}. Read and
 * written in plain Java, for exactly that content (book §7.6; port of the pickle calls of ch07/simple_convnet.py).
 *
 * <p>A pickle is a small program for a stack machine; {@link #read} runs the few instructions such a file uses
 * (protocols 2 to 4, as Python 3 and numpy 1 or 2 write them) and refuses anything else with the byte offset.
 * {@link #write} writes what the book's own file holds (protocol 3, {@code numpy.core.multiarray._reconstruct}),
 * which numpy 1 and 2 both load.
 */
public final class ParamsPickle {
    /** One numpy array: its shape and its values in C order. */
    public record Array(int[] shape, double[] data) {
        public Array {
            long size = 1;
            for (int d : shape) {
                size *= d;
            }
            if (size != data.length) {
                throw new IllegalArgumentException("ParamsPickle.Array: shape " + Arrays.toString(shape) + " needs "
                        + size + " values but there are " + data.length);
            }
        }

        /** "(30, 1, 5, 5)", as numpy prints a shape. */
        public String shapeText() {
            StringBuilder s = new StringBuilder("(");
            for (int i = 0; i < shape.length; i++) {
                s.append(i > 0 ? ", " : "").append(shape[i]);
            }
            return s.append(shape.length == 1 ? ",)" : ")").toString();
        }
    }

    private ParamsPickle() {
    }

    /** The arrays of a parameter file, by name, in the order the file lists them. */
    public static Map<String, Array> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (IOException e) {
            throw new UserError(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return new PickleMachine(file.toString(), bytes).run();
    }

    /**
     * Writes the arrays as the book's {@code pickle.dump(params, f)} did (protocol 3), to a temporary file first,
     * which then replaces {@code file}, so a failed write never leaves half a file behind.
     */
    public static void write(Path file, Map<String, Array> arrays) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80);                                          // PROTO 3
        out.write(3);
        out.write('}');                                           // EMPTY_DICT
        out.write('(');                                           // MARK
        for (Map.Entry<String, Array> e : arrays.entrySet()) {
            unicode(out, e.getKey());
            writeArray(out, e.getValue());
        }
        out.write('u');                                           // SETITEMS
        out.write('.');                                           // STOP
        Path target = file.toAbsolutePath();
        Path tmp = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            try (OutputStream os = Files.newOutputStream(tmp)) {
                out.writeTo(os);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserError(target + ": cannot be written (" + e.getMessage() + ")", e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the temporary file is gone or will be overwritten next time
            }
        }
    }

    /** numpy's pickling of an ndarray: _reconstruct(ndarray, (0,), b'b'), then its state (1, shape, dtype, False, data). */
    private static void writeArray(ByteArrayOutputStream out, Array a) {
        out.writeBytes("cnumpy.core.multiarray\n_reconstruct\ncnumpy\nndarray\n".getBytes(StandardCharsets.US_ASCII));
        out.write('K');
        out.write(0);
        out.write(0x85);                                          // (0,)
        out.writeBytes(new byte[] {'C', 1, 'b', (byte) 0x87, 'R'});   // b'b', TUPLE3, REDUCE
        out.write('(');                                           // the state tuple
        integer(out, 1);
        out.write('(');
        for (int d : a.shape()) {
            integer(out, d);
        }
        out.write('t');
        out.writeBytes("cnumpy\ndtype\n".getBytes(StandardCharsets.US_ASCII));
        unicode(out, "f8");
        out.writeBytes(new byte[] {(byte) 0x89, (byte) 0x88, (byte) 0x87, 'R'});   // False, True, TUPLE3, REDUCE
        out.write('(');                                           // dtype state: (3, '<', None, None, None, -1, -1, 0)
        integer(out, 3);
        unicode(out, "<");
        out.writeBytes(new byte[] {'N', 'N', 'N'});
        integer(out, -1);
        integer(out, -1);
        integer(out, 0);
        out.writeBytes(new byte[] {'t', 'b', (byte) 0x89});       // BUILD the dtype; False: C order
        ByteBuffer data = ByteBuffer.allocate(8 * a.data().length).order(ByteOrder.LITTLE_ENDIAN);
        data.asDoubleBuffer().put(a.data());
        out.write('B');                                           // BINBYTES: 4-byte length, then the bytes
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(data.capacity()).array());
        out.writeBytes(data.array());
        out.write('t');
        out.write('b');                                           // BUILD the array
    }

    private static void integer(ByteArrayOutputStream out, int v) {
        if (v >= 0 && v < 256) {
            out.write('K');
            out.write(v);
        } else if (v >= 0 && v < 65536) {
            out.write('M');
            out.write(v & 0xff);
            out.write(v >>> 8);
        } else {
            out.write('J');
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
        }
    }

    private static void unicode(ByteArrayOutputStream out, String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.write('X');
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(utf8.length).array());
        out.writeBytes(utf8);
    }

    // ------------------------------------------------------------------ reading: a small pickle machine

    private record Global(String module, String name) {
    }

    private record Tuple(List<Object> items) {
    }

    /** numpy.dtype('f8', ...) before and after its state is set: the byte order '<', '>', '|' or '='. */
    private static final class DType {
        final String code;
        String order = "=";

        DType(String code) {
            this.code = code;
        }
    }

    /** An ndarray made by _reconstruct, waiting for its state. */
    private static final class NdArray {
        Array array;
    }

    private static final Object NONE = new Object();

    private static final class PickleMachine {
        private final String file;
        private final ByteBuffer in;
        private final List<Object> stack = new ArrayList<>();
        private final List<Integer> marks = new ArrayList<>();
        private final Map<Integer, Object> memo = new HashMap<>();
        private int at;                                      // offset of the instruction being run

        PickleMachine(String file, byte[] bytes) {
            this.file = file;
            this.in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        }

        Map<String, Array> run() {
            try {
                while (true) {
                    at = in.position();
                    int op = in.get() & 0xff;
                    if (op == '.') {
                        return result();
                    }
                    step(op);
                }
            } catch (BufferUnderflowException e) {
                throw error("the file ends inside a pickle instruction (truncated?)");
            } catch (ClassCastException | IndexOutOfBoundsException | NegativeArraySizeException e) {
                throw error("this instruction does not fit what came before (not a pickle of numpy arrays?)");
            }
        }

        private void step(int op) {
            switch (op) {
                case 0x80 -> protocol(in.get() & 0xff);                       // PROTO
                case 0x95 -> in.getLong();                                    // FRAME: a length, nothing to do
                case '}' -> push(new LinkedHashMap<String, Object>());       // EMPTY_DICT
                case '(' -> marks.add(stack.size());                          // MARK
                case 'q' -> memo.put(in.get() & 0xff, top());                 // BINPUT
                case 'r' -> memo.put(in.getInt(), top());                     // LONG_BINPUT
                case 0x94 -> memo.put(memo.size(), top());                    // MEMOIZE
                case 'h' -> push(recall(in.get() & 0xff));                    // BINGET
                case 'j' -> push(recall(in.getInt()));                        // LONG_BINGET
                case 'X' -> push(text(in.getInt()));                          // BINUNICODE
                case 0x8c -> push(text(in.get() & 0xff));                     // SHORT_BINUNICODE
                case 'C' -> push(bytes(in.get() & 0xff));                     // SHORT_BINBYTES
                case 'B' -> push(bytes(in.getInt()));                         // BINBYTES
                case 'c' -> push(new Global(line(), line()));                 // GLOBAL
                case 0x93 -> {                                                // STACK_GLOBAL
                    String name = (String) pop(), module = (String) pop();
                    push(new Global(module, name));
                }
                case 'K' -> push(in.get() & 0xff);                            // BININT1
                case 'M' -> push(in.getShort() & 0xffff);                     // BININT2
                case 'J' -> push(in.getInt());                                // BININT
                case 'N' -> push(NONE);
                case 0x88 -> push(Boolean.TRUE);                              // NEWTRUE
                case 0x89 -> push(Boolean.FALSE);                             // NEWFALSE
                case ')' -> push(new Tuple(List.of()));                       // EMPTY_TUPLE
                case 0x85, 0x86, 0x87 -> push(new Tuple(popN(op - 0x84)));    // TUPLE1, TUPLE2, TUPLE3
                case 't' -> push(new Tuple(popToMark()));                     // TUPLE
                case 'R' -> reduce();
                case 'b' -> build();
                case 's' -> setItems(popN(2));                                // SETITEM
                case 'u' -> setItems(popToMark());                            // SETITEMS
                default -> throw error(String.format("instruction 0x%02x is not one a numpy parameter file uses", op));
            }
        }

        private void protocol(int version) {
            if (version < 2 || version > 4) {
                throw error("pickle protocol " + version + " (only 2 to 4 are read; save with pickle.dump(params, f,"
                        + " protocol=4))");
            }
        }

        /** REDUCE: the three calls a numpy pickle makes. */
        private void reduce() {
            List<Object> args = ((Tuple) pop()).items();
            Global f = (Global) pop();
            String name = f.module() + "." + f.name();
            switch (name) {
                case "numpy.core.multiarray._reconstruct", "numpy._core.multiarray._reconstruct" -> push(new NdArray());
                case "numpy.dtype" -> push(new DType((String) args.get(0)));
                case "_codecs.encode" -> push(((String) args.get(0)).getBytes(StandardCharsets.ISO_8859_1));
                default -> throw error("a call of " + name + " (a parameter file holds only numpy arrays)");
            }
        }

        /** BUILD: the state of a dtype (3, byte order, …) or of an array (1, shape, dtype, is_fortran, data). */
        private void build() {
            List<Object> state = ((Tuple) pop()).items();
            Object target = top();
            if (target instanceof DType d) {
                d.order = (String) state.get(1);
                return;
            }
            if (!(target instanceof NdArray a)) {
                throw error("BUILD of something that is not a numpy array or dtype");
            }
            List<Object> dims = ((Tuple) state.get(1)).items();
            DType dtype = (DType) state.get(2);
            if (!dtype.code.equals("f8") || dtype.order.equals(">")) {
                throw error("an array of dtype " + dtype.order + dtype.code + " (only float64, '<f8', is read)");
            }
            if ((Boolean) state.get(3)) {
                throw error("a Fortran-ordered array (only C order is read; save np.ascontiguousarray(W))");
            }
            int[] shape = new int[dims.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = (Integer) dims.get(i);
            }
            byte[] raw = (byte[]) state.get(4);
            double[] data = new double[raw.length / 8];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(data);
            try {
                a.array = new Array(shape, data);
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
        }

        private void setItems(List<Object> items) {
            @SuppressWarnings("unchecked")
            Map<String, Object> dict = (Map<String, Object>) top();
            for (int i = 0; i + 1 < items.size(); i += 2) {
                dict.put((String) items.get(i), items.get(i + 1));
            }
        }

        private Map<String, Array> result() {
            if (stack.size() != 1 || !(stack.get(0) instanceof Map<?, ?> dict)) {
                throw error("the pickle does not hold a dict");
            }
            Map<String, Array> arrays = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : dict.entrySet()) {
                if (!(e.getValue() instanceof NdArray a) || a.array == null) {
                    throw new UserError(file + ": '" + e.getKey() + "' is not a numpy array");
                }
                arrays.put((String) e.getKey(), a.array);
            }
            return arrays;
        }

        private String text(int length) {
            return new String(bytes(length), StandardCharsets.UTF_8);
        }

        private byte[] bytes(int length) {
            byte[] b = new byte[length];
            in.get(b);
            return b;
        }

        /** A GLOBAL operand: ASCII up to a newline. */
        private String line() {
            StringBuilder s = new StringBuilder();
            for (byte b = in.get(); b != '\n'; b = in.get()) {
                s.append((char) b);
            }
            return s.toString();
        }

        private Object recall(int key) {
            Object o = memo.get(key);
            if (o == null) {
                throw error("memo entry " + key + " is read before it is written");
            }
            return o;
        }

        private void push(Object o) {
            stack.add(o);
        }

        private Object pop() {
            return stack.remove(stack.size() - 1);
        }

        private Object top() {
            return stack.get(stack.size() - 1);
        }

        private List<Object> popN(int n) {
            List<Object> items = new ArrayList<>(stack.subList(stack.size() - n, stack.size()));
            stack.subList(stack.size() - n, stack.size()).clear();
            return items;
        }

        private List<Object> popToMark() {
            if (marks.isEmpty()) {
                throw error("no MARK before this instruction");
            }
            return popN(stack.size() - marks.remove(marks.size() - 1));
        }

        private UserError error(String what) {
            return new UserError(file + ": byte " + at + ": " + what);
        }
    }
}
