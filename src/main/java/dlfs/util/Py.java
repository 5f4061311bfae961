package dlfs.util;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers printed as the book's Python prints them, so that {@code diff} between a script's output and a
 * main's shows only real differences: {@code "train loss:" + str(loss)} becomes
 * {@code "train loss:" + Py.str(loss)}.
 *
 * <p>Python's {@code str(float)} (= {@code repr}) gives the shortest digits that read back as the same double,
 * and among those the closest to it: {@code 0.1}, {@code 2.3024418455538433}, {@code 1.5e-06}, {@code 1e+16},
 * {@code 2.0}, {@code nan}. Java's {@code Double.toString} differs in form ({@code 1.5E-6}, {@code NaN}) and, on
 * JDK 17, sometimes gives a digit more than needed.
 */
public final class Py {
    private Py() {
    }

    /** Python's {@code str(x)} for a float. */
    public static String str(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return (1 / x < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(Math.abs(x));
        String digits = shortest.unscaledValue().toString();     // no trailing zeros (see shortest)
        int decpt = digits.length() - shortest.scale();          // x = 0.digits × 10^decpt
        return (x < 0 ? "-" : "") + format(digits, decpt);
    }

    /** Python's {@code str(n)} for an int, for symmetry in printing code. */
    public static String str(long n) {
        return Long.toString(n);
    }

    /**
     * The decimal with the fewest significant digits that parses back to x (x > 0, finite), the closest to x
     * among those. The correctly rounded p-digit value is the closest p-digit decimal; where x sits just above
     * a power of two its rounding interval is lopsided, so the neighbours one unit away are tried too.
     */
    private static BigDecimal shortest(double x) {
        BigDecimal exact = new BigDecimal(x);
        for (int p = 1; p <= 17; p++) {
            BigDecimal rounded = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(rounded.precision() - rounded.scale() - p);
            BigDecimal best = null;
            for (BigDecimal c : new BigDecimal[] {rounded, rounded.subtract(unit), rounded.add(unit)}) {
                if (c.signum() > 0 && c.doubleValue() == x
                        && (best == null || c.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                    best = c;
                }
            }
            if (best != null) {
                return strip(best);
            }
        }
        throw new AssertionError("no 17-digit decimal reads back as " + x);   // 17 digits always suffice
    }

    private static BigDecimal strip(BigDecimal d) {
        BigInteger unscaled = d.unscaledValue();
        int scale = d.scale();
        while (unscaled.signum() != 0 && unscaled.mod(BigInteger.TEN).signum() == 0) {
            unscaled = unscaled.divide(BigInteger.TEN);
            scale--;
        }
        return new BigDecimal(unscaled, scale);
    }

    /** CPython's float_repr_style 'short' layout: exponent form when decpt <= -4 or decpt > 16. */
    private static String format(String digits, int decpt) {
        int n = digits.length();
        if (decpt <= -4 || decpt > 16) {
            int exp = decpt - 1;
            String mantissa = n == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String e = Integer.toString(Math.abs(exp));
            return mantissa + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
        }
        if (decpt <= 0) {
            return "0." + "0".repeat(-decpt) + digits;
        }
        if (decpt >= n) {
            return digits + "0".repeat(decpt - n) + ".0";
        }
        return digits.substring(0, decpt) + "." + digits.substring(decpt);
    }
}
