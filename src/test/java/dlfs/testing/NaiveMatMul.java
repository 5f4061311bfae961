package dlfs.testing;

import dlfs.matrix.Matrix;

/** The textbook triple loop, C[i][j] = Σ_k A[i][k]·B[k][j]: the oracle that MatMul is checked against. */
public final class NaiveMatMul {
    private NaiveMatMul() {
    }

    public static Matrix dot(Matrix A, Matrix B) {
        Matrix C = new Matrix(A.rows, B.cols);
        for (int i = 0; i < A.rows; i++) {
            for (int j = 0; j < B.cols; j++) {
                double sum = 0;
                for (int k = 0; k < A.cols; k++) {
                    sum += A.data[i][k] * B.data[k][j];
                }
                C.data[i][j] = sum;
            }
        }
        return C;
    }

    public static Matrix transpose(Matrix A) {
        Matrix T = new Matrix(A.cols, A.rows);
        for (int i = 0; i < A.rows; i++) {
            for (int j = 0; j < A.cols; j++) {
                T.data[j][i] = A.data[i][j];
            }
        }
        return T;
    }
}
