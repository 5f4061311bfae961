package dlfs.dataset;

import dlfs.util.UserError;

/** Not a test: run in a child JVM by {@link MnistChildJvmTest}, loads MNIST as the experiments do and says from where. */
public final class LoadMnistMain {
    private LoadMnistMain() {
    }

    public static void main(String[] args) {
        try {
            Mnist mnist = Mnist.load();
            System.out.println("loaded " + Mnist.defaultDir() + ": " + mnist);
        } catch (UserError e) {   // as the experiment mains do
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
