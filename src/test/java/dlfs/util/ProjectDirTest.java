package dlfs.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectDirTest {
    @Test
    void rootIsTheFolderOfThisProjectsPom() throws IOException {
        Path root = ProjectDir.root();
        assertThat(root).isAbsolute();
        assertThat(Files.readString(root.resolve("pom.xml"))).contains("<artifactId>dlfs-java</artifactId>");
        assertThat(ProjectDir.resolve("mnist")).isEqualTo(root.resolve("mnist"));
    }

    @Test
    void findsThePomAboveTheClassesFolderAndIgnoresOtherProjects(@TempDir Path tmp) throws IOException {
        Path project = Files.createDirectories(tmp.resolve("dlfs/target/classes"));
        Files.writeString(tmp.resolve("dlfs/pom.xml"), "<project><artifactId>dlfs-java</artifactId></project>");
        Files.writeString(tmp.resolve("pom.xml"), "<project><artifactId>something-else</artifactId></project>");
        assertThat(ProjectDir.findFrom(project)).isEqualTo(tmp.resolve("dlfs"));
        assertThat(ProjectDir.findFrom(tmp)).isNull();
    }
}
