package io.seqaug.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Java source compiled during a test, for code that must not sit among the test classes themselves. */
final class Compiled {

    private Compiled() {}

    /**
     * Compiles one source file against the test's class path (DJL, SeqAug's API), as
     * {@code PluginDiscoveryTest} in the runtime does.
     *
     * @param folder an empty folder; the source goes to {@code folder/src}, the classes to {@code folder/classes}
     * @param className the public class's simple name (default package)
     * @param source its text
     * @return the class folder
     */
    static Path compile(Path folder, String className, String source) {
        try {
            Path src = Files.createDirectories(folder.resolve("src")).resolve(className + ".java");
            Path classes = Files.createDirectories(folder.resolve("classes"));
            Files.writeString(src, source);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            int rc = javac.run(null, null, null, "-proc:none", "-cp", System.getProperty("java.class.path"),
                    "-d", classes.toString(), src.toString());
            if (rc != 0) {
                throw new IllegalStateException("javac failed on " + src);
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
