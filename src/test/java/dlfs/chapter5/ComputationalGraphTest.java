package dlfs.chapter5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ComputationalGraphTest {
    private static ComputationalGraph buyApple() {
        return new ComputationalGraph("buy_apple")
                .variable("apple", 0, 0).operation("mul", "×", 1, 0).variable("apple_num", 1, 1)
                .edge("apple", "mul", 100, 2.2).edge("apple_num", "mul", 2, 1.1 * 100);
    }

    @Test
    void valuesShowAsTheBookPrintsThemWithoutTheFloatingPointTail() {
        assertThat(ComputationalGraph.format(1.1 * 100)).isEqualTo("110");          // 110.00000000000001
        assertThat(ComputationalGraph.format(1.1 * 3)).isEqualTo("3.3");            // 3.3000000000000003
        assertThat(ComputationalGraph.format(650)).isEqualTo("650");
        assertThat(ComputationalGraph.format(1.5e-7)).isEqualTo("0.00000015");
        assertThat(buyApple())
                .hasToString("ComputationalGraph buy_apple: apple → mul 100 / 2.2, apple_num → mul 2 / 110");
    }

    @Test
    void theFigureHasBlackForwardAndRedBackwardArrows() {
        BufferedImage image = buyApple().image();
        assertThat(image.getWidth()).isEqualTo(2 * 70 + 200);
        int red = 0, black = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                red += rgb == 0xd62728 ? 1 : 0;
                black += rgb == 0 ? 1 : 0;
            }
        }
        assertThat(red).as("red pixels").isGreaterThan(100);
        assertThat(black).as("black pixels").isGreaterThan(100);
    }

    @Test
    void anEdgeToANodeNotYetAddedIsNamed() {
        assertThatThrownBy(() -> new ComputationalGraph("g").variable("apple", 0, 0).edge("apple", "mul", 1, 1))
                .hasMessage("ComputationalGraph: no node 'mul' (add it before its edges; nodes: apple)");
        assertThatThrownBy(() -> new ComputationalGraph("g").variable("a", 0, 0).variable("a", 1, 0))
                .hasMessage("ComputationalGraph: node 'a' is added twice");
    }
}
