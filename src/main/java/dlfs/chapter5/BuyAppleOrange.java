package dlfs.chapter5;

import dlfs.launch.Edition;
import dlfs.launch.Figures;
import dlfs.launch.Options;
import dlfs.launch.Script;
import dlfs.layers.AddLayer;
import dlfs.layers.MulLayer;
import dlfs.util.Py;

/**
 * Buying 2 apples and 3 oranges with 10 % tax: three multiplication layers and an addition layer, the price forward
 * and the gradient of every input backward. Book §5.4.2, figure 5-17; port of ch05/buy_apple_orange.py. Beyond the
 * book it draws the graph with every value and gradient (figure 5-17).
 */
public final class BuyAppleOrange {
    static final Script SCRIPT = new Script("BuyAppleOrange", "ch05/buy_apple_orange.py", BuyAppleOrange::run)
            .book("5.4.2", "5-17")
            .page(Edition.KOREAN_FIRST, "163")
            .summary("MulLayer, AddLayer: price = (apple * apple_num + orange * orange_num) * tax forward, dprice = 1"
                    + " backward; prints the price and the gradients and draws the graph with them.")
            .figures("buy_apple_orange.png")
            .show();

    private BuyAppleOrange() {
    }

    public static void main(String[] args) {
        SCRIPT.main(args);
    }

    static void run(Options options) {
        double apple = 100;
        double appleNum = 2;
        double orange = 150;
        double orangeNum = 3;
        double tax = 1.1;

        // layer
        MulLayer mulAppleLayer = new MulLayer();
        MulLayer mulOrangeLayer = new MulLayer();
        AddLayer addAppleOrangeLayer = new AddLayer();
        MulLayer mulTaxLayer = new MulLayer();

        // forward
        double applePrice = mulAppleLayer.forward(apple, appleNum);                 // (1)
        double orangePrice = mulOrangeLayer.forward(orange, orangeNum);             // (2)
        double allPrice = addAppleOrangeLayer.forward(applePrice, orangePrice);     // (3)
        double price = mulTaxLayer.forward(allPrice, tax);                          // (4)

        // backward
        double dprice = 1;
        double[] d = mulTaxLayer.backward(dprice);                                  // (4)
        double dallPrice = d[0], dtax = d[1];
        d = addAppleOrangeLayer.backward(dallPrice);                                // (3)
        double dapplePrice = d[0], dorangePrice = d[1];
        d = mulOrangeLayer.backward(dorangePrice);                                  // (2)
        double dorange = d[0], dorangeNum = d[1];
        d = mulAppleLayer.backward(dapplePrice);                                    // (1)
        double dapple = d[0], dappleNum = d[1];

        System.out.println("price: " + (long) price);               // int(price): 715.0000000000001 → 715
        System.out.println("dApple: " + Py.str(dapple));
        System.out.println("dApple_num: " + (long) dappleNum);      // int(dapple_num): 110.00000000000001 → 110
        System.out.println("dOrange: " + Py.str(dorange));
        System.out.println("dOrange_num: " + (long) dorangeNum);    // int(dorange_num): 165.00000000000003 → 165
        // dtax = dprice · all_price = 1 · 650 is a Python int (both factors are), printed 650; ours is the double
        // 650.0, so we print it as the whole number it is
        System.out.println("dTax: " + (long) dtax);

        // beyond the book: the graph of figure 5-17 with these values and gradients
        ComputationalGraph graph = new ComputationalGraph("buy_apple_orange.py: 2 apples and 3 oranges with tax"
                + " (figure 5-17)")
                .variable("apple", 0, 0)
                .operation("mul_apple_layer", "×", 1, 0)
                .variable("apple_num", 1, 1)
                .variable("orange", 0, 2)
                .operation("mul_orange_layer", "×", 1, 2)
                .variable("orange_num", 1, 3)
                .operation("add_apple_orange_layer", "+", 2, 1)
                .operation("mul_tax_layer", "×", 3, 1)
                .variable("tax", 3, 2)
                .variable("price", 4, 1)
                .edge("apple", "mul_apple_layer", apple, dapple)
                .edge("apple_num", "mul_apple_layer", appleNum, dappleNum)
                .edge("orange", "mul_orange_layer", orange, dorange)
                .edge("orange_num", "mul_orange_layer", orangeNum, dorangeNum)
                .edge("mul_apple_layer", "add_apple_orange_layer", applePrice, dapplePrice)
                .edge("mul_orange_layer", "add_apple_orange_layer", orangePrice, dorangePrice)
                .edge("add_apple_orange_layer", "mul_tax_layer", allPrice, dallPrice)
                .edge("tax", "mul_tax_layer", tax, dtax)
                .edge("mul_tax_layer", "price", price, dprice);
        Figures.save(options, "buy_apple_orange", graph);
    }
}
