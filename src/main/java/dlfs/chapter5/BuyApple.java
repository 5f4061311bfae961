package dlfs.chapter5;

import dlfs.launch.Edition;
import dlfs.launch.Figures;
import dlfs.launch.Options;
import dlfs.launch.Script;
import dlfs.layers.MulLayer;
import dlfs.util.Py;

/**
 * Buying 2 apples with 10 % tax as a computational graph of two multiplication layers: the price forward, and
 * backward the gradient of the price with respect to each input. Book §5.4.1, figure 5-16; port of
 * ch05/buy_apple.py. Beyond the book it draws the graph with every value and gradient (figure 5-16).
 */
public final class BuyApple {
    static final Script SCRIPT = new Script("BuyApple", "ch05/buy_apple.py", BuyApple::run)
            .book("5.4.1", "5-16")
            .page(Edition.KOREAN_FIRST, "162")
            .summary("Two MulLayers: price = apple * apple_num * tax forward, then dprice = 1 backward; prints the"
                    + " price and the gradients and draws the graph with them.")
            .figures("buy_apple.png")
            .show();

    private BuyApple() {
    }

    public static void main(String[] args) {
        SCRIPT.main(args);
    }

    static void run(Options options) {
        double apple = 100;
        double appleNum = 2;
        double tax = 1.1;

        MulLayer mulAppleLayer = new MulLayer();
        MulLayer mulTaxLayer = new MulLayer();

        // forward
        double applePrice = mulAppleLayer.forward(apple, appleNum);
        double price = mulTaxLayer.forward(applePrice, tax);

        // backward
        double dprice = 1;
        double[] d = mulTaxLayer.backward(dprice);              // dapple_price, dtax = mul_tax_layer.backward(dprice)
        double dapplePrice = d[0], dtax = d[1];
        d = mulAppleLayer.backward(dapplePrice);                // dapple, dapple_num = mul_apple_layer.backward(…)
        double dapple = d[0], dappleNum = d[1];

        System.out.println("price: " + (long) price);           // int(price): 220.00000000000003 → 220
        System.out.println("dApple: " + Py.str(dapple));
        System.out.println("dApple_num: " + (long) dappleNum);  // int(dapple_num): 110.00000000000001 → 110
        // dtax = dprice · apple_price = 1 · 200 is a Python int (both factors are), printed 200; ours is the double
        // 200.0, so we print it as the whole number it is
        System.out.println("dTax: " + (long) dtax);

        // beyond the book: the graph of figure 5-16 with these values and gradients
        ComputationalGraph graph = new ComputationalGraph("buy_apple.py: 2 apples with tax (figure 5-16)")
                .variable("apple", 0, 0)
                .operation("mul_apple_layer", "×", 1, 0)
                .variable("apple_num", 1, 1)
                .operation("mul_tax_layer", "×", 2, 0)
                .variable("tax", 2, 1)
                .variable("price", 3, 0)
                .edge("apple", "mul_apple_layer", apple, dapple)
                .edge("apple_num", "mul_apple_layer", appleNum, dappleNum)
                .edge("mul_apple_layer", "mul_tax_layer", applePrice, dapplePrice)
                .edge("tax", "mul_tax_layer", tax, dtax)
                .edge("mul_tax_layer", "price", price, dprice);
        Figures.save(options, "buy_apple", graph);
    }
}
