package io.seqaug.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** The search finds arithmetic with a number in class folders and jars, and leaves comparisons alone. */
class NumberArithmeticTest {

    private static final String PLANTED = """
            import ai.djl.ndarray.NDArray;
            import ai.djl.ndarray.NDArrays;
            public class Planted {
                NDArray half(NDArray x) { return x.div(2f); }
                NDArray complement(NDArray x) { return NDArrays.sub(1f, x); }
                NDArray floored(NDArray x) { return x.maximum(1e-8); }
                NDArray inPlace(NDArray x) { return x.muli(-1e9f); }
                NDArray mask(NDArray ids) { return ids.gt(0).mul(ids.eq(3)); }
                NDArray product(NDArray x, NDArray y) { return x.mul(y).add(y); }
            }
            """;

    @Test
    void namesEachArithmeticMethodUsedWithANumberAndNoComparison(@TempDir Path dir) {
        Path classes = Compiled.compile(dir, "Planted", PLANTED);
        assertThat(NumberArithmetic.usesIn(classes)).containsExactly("Planted calls NDArray.div(Number)",
                "Planted calls NDArray.maximum(Number)", "Planted calls NDArray.muli(Number)",
                "Planted calls NDArrays.sub(Number)");
    }

    @Test
    void readsJarsAsFolders(@TempDir Path dir) throws IOException {
        Path classes = Compiled.compile(dir, "Planted", PLANTED);
        Path jar = dir.resolve("planted.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("Planted.class"));
            out.write(Files.readAllBytes(classes.resolve("Planted.class")));
            out.closeEntry();
        }
        assertThat(NumberArithmetic.usesIn(jar)).hasSize(4).first().isEqualTo("Planted calls NDArray.div(Number)");
    }

    @Test
    void aCleanClassFolderHasNone(@TempDir Path dir) {
        Path classes = Compiled.compile(dir, "Clean", """
                import ai.djl.ndarray.NDArray;
                public class Clean {
                    NDArray mask(NDArray ids) { return ids.gt(0); }
                    double sum(double a) { return a + 2.5; }
                }
                """);
        assertThat(NumberArithmetic.usesIn(classes)).isEmpty();
        // the kit's own code
        assertThat(NumberArithmetic.usesIn(PluginTestKit.class)).isEmpty();
    }

    @Test
    void notAClassFileIsAnError(@TempDir Path dir) throws IOException {
        Path bad = Files.createDirectories(dir.resolve("classes")).resolve("Broken.class");
        try (OutputStream out = Files.newOutputStream(bad)) {
            out.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NumberArithmetic.usesIn(dir.resolve("classes")))
                .hasMessageContaining("cannot read the class files in");
    }
}
