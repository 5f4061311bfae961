package dlfs.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dlfs.util.ProjectDir;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The book's files in book/ are the published ones (SHA-256 as in book/README.md) and come with their licence. */
class BookFilesTest {
    @Test
    void theCopiesAreByteForByteTheBooksAndTheLicenceIsThere() throws IOException, NoSuchAlgorithmException {
        assertThat(sha256("book/ch07/params.pkl"))
                .isEqualTo("290ab40c1b1218b392cdc155b633a5df642d829453702fa421ce5f3c6c55f779");
        assertThat(sha256("book/dataset/cactus_gray.png"))
                .isEqualTo("4773d091c2886761349b80a4765c3b4d6030fe53cd80621a0bba68c981526fcb");
        assertThat(Files.readString(ProjectDir.resolve("book/LICENSE.md")))
                .contains("The MIT License", "Copyright (c) 2016 Koki Saitoh");
        assertThat(Files.readString(ProjectDir.resolve("book/README.md")))
                .contains("WegraLee/deep-learning-from-scratch", "4fafa71",
                        "290ab40c1b1218b392cdc155b633a5df642d829453702fa421ce5f3c6c55f779");
    }

    private static String sha256(String file) throws IOException, NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(ProjectDir.resolve(file)));
        return HexFormat.of().formatHex(digest);
    }
}
