package dlfs.chapter5;

import dlfs.plot.Figure;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A computational graph as the book draws it (figures 5-16 and 5-17): variables in boxes, operations in circles,
 * and on every edge its forward value above a black arrow and its backward gradient below a red arrow pointing
 * back. Nodes sit on a grid of columns (left to right) and rows (top to bottom, halves allowed).
 *
 * <pre>
 * BufferedImage image = new ComputationalGraph("buy_apple")
 *         .variable("apple", 0, 0).variable("apple_num", 0, 1).operation("mul_apple_layer", "×", 1, 0.5)
 *         .edge("apple", "mul_apple_layer", 100, 2.2).edge("apple_num", "mul_apple_layer", 2, 110) … .image();
 * </pre>
 */
final class ComputationalGraph implements Figure {
    private static final int COLUMN = 200;            // pixels between columns
    private static final int ROW = 100;               // pixels between rows
    private static final int MARGIN = 70;
    private static final int TOP = 56;                // room for the title
    private static final int BOTTOM = 64;             // room for the legend
    private static final double RADIUS = 23;          // of an operation's circle
    private static final double BOX_HEIGHT = 34;
    private static final double GAP = 7;              // between an arrow and its node, or a label and its arrow
    private static final double BACKWARD_OFFSET = 9;  // the red arrow runs this far below the black one
    private static final Color BACKWARD = new Color(0xd62728);   // matplotlib's red, as in the charts
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 18);   // the charts' title font
    private static final Font NAME_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font SYMBOL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 26);
    private static final Font VALUE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);

    /** A node: a variable (symbol null) drawn as a box with its name, or an operation drawn as a circle. */
    private record Node(String name, String symbol, double column, double row) {
    }

    /** An edge from one node to another with its forward value and backward gradient. */
    private record Edge(Node from, Node to, double forward, double backward) {
    }

    private final String title;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();

    public ComputationalGraph(String title) {
        this.title = title;
    }

    /** A variable (an input such as "apple", or the result "price"), drawn as a box with its name. */
    public ComputationalGraph variable(String name, double column, double row) {
        return add(new Node(name, null, column, row));
    }

    /** An operation node ("×", "+"), drawn as a circle; {@code name} is how edges refer to it. */
    public ComputationalGraph operation(String name, String symbol, double column, double row) {
        return add(new Node(name, symbol, column, row));
    }

    private ComputationalGraph add(Node node) {
        if (node.column < 0 || node.row < 0) {
            throw new IllegalArgumentException("ComputationalGraph: node '" + node.name + "' at column " + node.column
                    + ", row " + node.row + " (both must be >= 0)");
        }
        if (nodes.put(node.name, node) != null) {
            throw new IllegalArgumentException("ComputationalGraph: node '" + node.name + "' is added twice");
        }
        return this;
    }

    /** An edge {@code from → to} with {@code forward} (drawn above) and {@code backward} (drawn below, in red). */
    public ComputationalGraph edge(String from, String to, double forward, double backward) {
        edges.add(new Edge(node(from), node(to), forward, backward));
        return this;
    }

    private Node node(String name) {
        Node n = nodes.get(name);
        if (n == null) {
            throw new IllegalArgumentException("ComputationalGraph: no node '" + name + "' (add it before its edges;"
                    + " nodes: " + String.join(", ", nodes.keySet()) + ")");
        }
        return n;
    }

    /**
     * A value as the figure shows it: at most 6 significant digits, without trailing zeros, so that the
     * 110.00000000000001 the script computes for dApple_num shows as the book's 110 (the console prints the exact
     * values).
     */
    public static String format(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** The figure, sized to fit the grid. */
    @Override
    public BufferedImage image() {
        double columns = 0, rows = 0;
        for (Node n : nodes.values()) {
            columns = Math.max(columns, n.column);
            rows = Math.max(rows, n.row);
        }
        int width = (int) (2 * MARGIN + columns * COLUMN), height = (int) (TOP + 2 * 20 + rows * ROW + BOTTOM);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(TITLE_FONT);
            centered(g, title, width / 2.0, 30);
            for (Edge e : edges) {
                drawEdge(g, e);
            }
            for (Node n : nodes.values()) {
                drawNode(g, n);
            }
            drawLegend(g, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    private double x(Node n) {
        return MARGIN + n.column * COLUMN;
    }

    private double y(Node n) {
        return TOP + 20 + n.row * ROW;
    }

    private void drawNode(Graphics2D g, Node n) {
        double cx = x(n), cy = y(n);
        g.setStroke(new BasicStroke(2f));
        if (n.symbol == null) {
            g.setFont(NAME_FONT);
            double w = boxWidth(g, n);
            RoundRectangle2D box = new RoundRectangle2D.Double(cx - w / 2, cy - BOX_HEIGHT / 2, w, BOX_HEIGHT, 10, 10);
            g.setColor(new Color(0xf2f2f2));
            g.fill(box);
            g.setColor(Color.DARK_GRAY);
            g.draw(box);
            g.setColor(Color.BLACK);
            centered(g, n.name, cx, cy);
        } else {
            Ellipse2D circle = new Ellipse2D.Double(cx - RADIUS, cy - RADIUS, 2 * RADIUS, 2 * RADIUS);
            g.setColor(Color.WHITE);
            g.fill(circle);
            g.setColor(Color.BLACK);
            g.draw(circle);
            g.setFont(SYMBOL_FONT);
            centered(g, n.symbol, cx, cy);
        }
    }

    private static double boxWidth(Graphics2D g, Node n) {
        return g.getFontMetrics(NAME_FONT).stringWidth(n.name) + 20;
    }

    /** How far from the node's centre an edge leaving in direction (ux, uy) crosses its outline. */
    private static double reach(Graphics2D g, Node n, double ux, double uy) {
        if (n.symbol != null) {
            return RADIUS;
        }
        double hw = boxWidth(g, n) / 2, hh = BOX_HEIGHT / 2;
        return Math.min(ux == 0 ? Double.MAX_VALUE : hw / Math.abs(ux), uy == 0 ? Double.MAX_VALUE : hh / Math.abs(uy));
    }

    private void drawEdge(Graphics2D g, Edge e) {
        double x0 = x(e.from), y0 = y(e.from), x1 = x(e.to), y1 = y(e.to);
        double len = Math.hypot(x1 - x0, y1 - y0), ux = (x1 - x0) / len, uy = (y1 - y0) / len;
        double nx = uy, ny = -ux;                              // the normal on the upper side (left if vertical)
        if (ny > 0 || (ny == 0 && nx > 0)) {
            nx = -nx;
            ny = -ny;
        }
        double s = reach(g, e.from, ux, uy) + GAP, t = len - reach(g, e.to, -ux, -uy) - GAP;
        double ax = x0 + ux * s, ay = y0 + uy * s, bx = x0 + ux * t, by = y0 + uy * t;
        g.setStroke(new BasicStroke(2f));
        g.setColor(Color.BLACK);                               // forward: from → to
        arrow(g, ax, ay, bx, by);
        double ox = -nx * BACKWARD_OFFSET, oy = -ny * BACKWARD_OFFSET;
        g.setColor(BACKWARD);                                  // backward: to → from, just below
        arrow(g, bx + ox, by + oy, ax + ox, ay + oy);
        double mx = (ax + bx) / 2, my = (ay + by) / 2;
        g.setFont(VALUE_FONT);
        g.setColor(Color.BLACK);
        label(g, format(e.forward), mx, my, nx, ny, GAP);
        g.setColor(BACKWARD);
        label(g, format(e.backward), mx + ox, my + oy, -nx, -ny, GAP);
    }

    /** A line with an arrowhead at (bx, by). */
    private static void arrow(Graphics2D g, double ax, double ay, double bx, double by) {
        double len = Math.hypot(bx - ax, by - ay), ux = (bx - ax) / len, uy = (by - ay) / len, head = 10;
        g.draw(new Line2D.Double(ax, ay, bx - ux * head * 0.8, by - uy * head * 0.8));
        Path2D tip = new Path2D.Double();
        tip.moveTo(bx, by);
        tip.lineTo(bx - ux * head - uy * head * 0.45, by - uy * head + ux * head * 0.45);
        tip.lineTo(bx - ux * head + uy * head * 0.45, by - uy * head - ux * head * 0.45);
        tip.closePath();
        g.fill(tip);
    }

    /** Text beside the point (x, y), on the side of the unit normal (nx, ny), {@code gap} pixels clear of it. */
    private static void label(Graphics2D g, String text, double x, double y, double nx, double ny, double gap) {
        FontMetrics fm = g.getFontMetrics();
        double hw = fm.stringWidth(text) / 2.0, hh = fm.getAscent() / 2.0;
        double d = gap + Math.abs(nx) * hw + Math.abs(ny) * hh;
        centered(g, text, x + nx * d, y + ny * d);
    }

    /** Text centred on (x, y). */
    private static void centered(Graphics2D g, String text, double x, double y) {
        FontMetrics fm = g.getFontMetrics();
        double baseline = y + (fm.getAscent() - fm.getDescent()) / 2.0;
        g.drawString(text, (float) (x - fm.stringWidth(text) / 2.0), (float) baseline);
    }

    /** One line under the graph, centred: a black arrow "forward: the value", a red one "backward: the gradient". */
    private static void drawLegend(Graphics2D g, int width, int height) {
        String forward = "forward: the value", backward = "backward: the gradient ∂price/∂value";
        g.setFont(NAME_FONT);
        FontMetrics fm = g.getFontMetrics();
        double arrow = 40, gap = 10, space = 50;
        double total = 2 * (arrow + gap) + fm.stringWidth(forward) + space + fm.stringWidth(backward);
        double x = (width - total) / 2, y = height - 30;
        g.setStroke(new BasicStroke(2f));
        g.setColor(Color.BLACK);
        arrow(g, x, y, x + arrow, y);
        g.drawString(forward, (float) (x + arrow + gap), (float) (y + 5));
        x += arrow + gap + fm.stringWidth(forward) + space;
        g.setColor(BACKWARD);
        arrow(g, x + arrow, y, x, y);
        g.drawString(backward, (float) (x + arrow + gap), (float) (y + 5));
    }

    /** The title, every node with its place and every edge with its two values as exact bits: what the figure shows. */
    @Override
    public String describe() {
        StringBuilder d = new StringBuilder("ComputationalGraph version 1\ntitle " + title + "\n");
        for (Node n : nodes.values()) {
            d.append("node ").append(n.name).append(' ').append(n.symbol).append(' ').append(n.column).append(' ')
                    .append(n.row).append('\n');
        }
        for (Edge e : edges) {
            d.append("edge ").append(e.from.name).append(' ').append(e.to.name).append(' ')
                    .append(Long.toHexString(Double.doubleToLongBits(e.forward))).append(' ')
                    .append(Long.toHexString(Double.doubleToLongBits(e.backward))).append('\n');
        }
        return d.toString();
    }

    /** "ComputationalGraph buy_apple: apple → mul_apple_layer 100 / 2.2, …", what the figure shows. */
    @Override
    public String toString() {
        List<String> list = new ArrayList<>();
        for (Edge e : edges) {
            list.add(e.from.name + " → " + e.to.name + " " + format(e.forward) + " / " + format(e.backward));
        }
        return "ComputationalGraph " + title + ": " + String.join(", ", list);
    }
}
