package dlfs.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tensor4: numpy's C order within each image, reshapes that share the rows, and what the debugger shows. */
class Tensor4Test {
    @Test
    void elementNCHWIsAtCTimesHPlusHTimesWPlusWInRowN() {
        Tensor4 x = new Tensor4(2, 3, 4, 5);
        x.set(1, 2, 3, 4, 7.5);
        assertThat(x.data[1][(2 * 4 + 3) * 5 + 4]).isEqualTo(7.5);
        assertThat(x.index(2, 3, 4)).isEqualTo(59);
        assertThat(x.get(1, 2, 3, 4)).isEqualTo(7.5);
        assertThat(x.dims()).containsExactly(2, 3, 4, 5);
        assertThat(x.shape()).isEqualTo("2x3x4x5");
    }

    @Test
    void channelsLastIsNumpysTransposeToNHWCAndBack() {
        Tensor4 x = new Tensor4(2, 3, 2, 2);
        for (int n = 0; n < 2; n++) {
            for (int k = 0; k < 12; k++) {
                x.data[n][k] = 100 * n + k;                                 // x = 100·n + (c·2 + h)·2 + w
            }
        }
        Matrix m = x.channelsLast();                                        // x.transpose(0, 2, 3, 1).reshape(-1, 3)
        assertThat(m.shape()).isEqualTo("8x3");
        assertThat(m.data[0]).containsExactly(0, 4, 8);                     // pixel (0, 0, 0): its three channels
        assertThat(m.data[3]).containsExactly(3, 7, 11);                    // pixel (0, 1, 1)
        assertThat(m.data[5]).containsExactly(101, 105, 109);               // pixel (1, 0, 1)
        Tensor4 back = Tensor4.fromChannelsLast(m, 2, 2, 2);                // m.reshape(2, 2, 2, 3).transpose(0, 3, 1, 2)
        assertThat(back.data).isDeepEqualTo(x.data);
        assertThatThrownBy(() -> Tensor4.fromChannelsLast(m, 2, 2, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Tensor4.fromChannelsLast: matrix is 8x3 but N x H x W = 2x2x3 needs 12 rows");
    }

    @Test
    void reshapesShareTheRowsAsNumpysViewsDo() {
        Matrix m = new Matrix(2, 12);
        Tensor4 x = Tensor4.of(m, 3, 2, 2);                             // m.reshape(2, 3, 2, 2)
        x.set(0, 1, 1, 0, 4);
        assertThat(m.data[0][6]).isEqualTo(4);
        Matrix back = x.matrix();                                       // x.reshape(2, -1)
        back.data[1][11] = 9;
        assertThat(x.get(1, 2, 1, 1)).isEqualTo(9);
        Tensor4 copy = x.copy();
        copy.set(0, 0, 0, 0, 1);
        assertThat(x.get(0, 0, 0, 0)).isZero();
    }

    @Test
    void toStringShowsShapeStatisticsAndValuesFromTheMiddle() {
        Tensor4 x = new Tensor4(1, 1, 4, 4);
        x.set(0, 0, 2, 1, 0.5);
        x.set(0, 0, 2, 2, Double.NaN);
        assertThat(x.toString()).isEqualTo(
                "Tensor4 1x1x4x4 min=0 max=0.5 mean=0.03333 mean|x|=0.03333 zeros=87.5% nan/inf=1 [0,0,2,0:4]=[0, 0.5, NaN, 0]");
    }

    @Test
    void badShapesAndIndicesAreNamed() {
        assertThatThrownBy(() -> new Tensor4(1, 0, 2, 2)).hasMessageContaining("shape 1x0x2x2 is not allowed");
        assertThatThrownBy(() -> Tensor4.of(new Matrix(2, 10), 1, 3, 3))
                .hasMessage("Tensor4.of: matrix is 2x10 but 1x3x3 needs 9 columns");
        assertThatThrownBy(() -> new Tensor4(2, 1, 3, 3).get(0, 0, 3, 0))
                .hasMessage("get: h = 3 is outside 0..2 of 2x1x3x3");
    }
}
