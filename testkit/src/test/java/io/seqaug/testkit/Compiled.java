package io.seqaug.testkit;

import ai.djl.ndarray.NDArray;
import com.typesafe.config.Config;
import io.seqaug.api.AugmenterProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Java source compiled during a test, for code that must not sit among the test classes themselves. */
final class Compiled {

    private Compiled() {}

    /**
     * Compiles one source file against DJL, Typesafe Config and SeqAug's API.
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
            String classpath = Stream.of(NDArray.class, Config.class, AugmenterProvider.class).map(Compiled::location)
                    .collect(Collectors.joining(java.io.File.pathSeparator));
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            List<String> args = new ArrayList<>(List.of("-proc:none", "-cp", classpath, "-d", classes.toString(), src.toString()));
            int rc = javac.run(null, null, null, args.toArray(String[]::new));
            if (rc != 0) {
                throw new IllegalStateException("javac failed on " + src);
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
