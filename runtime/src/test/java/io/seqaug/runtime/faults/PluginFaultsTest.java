package io.seqaug.runtime.faults;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqaug.runtime.plugins.PluginDiscovery;
import io.seqaug.runtime.plugins.PluginError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Plugin folders that would otherwise run silently with the wrong jar, or with a broken one. */
class PluginFaultsTest {

    @TempDir
    Path dir;

    private static void jar(Path file, Map<String, String> entries) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file); JarOutputStream out = new JarOutputStream(raw)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }

    private static final String SERVICE = "META-INF/services/io.seqaug.api.AugmenterProvider";

    @Test
    void twoIdenticalCopiesAreNamedWithTheOneToRemove() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        jar(plugins.resolve("a.jar"), Map.of(SERVICE, "org.example.Noise\n"));
        Files.copy(plugins.resolve("a.jar"), plugins.resolve("b.jar"));
        assertThatThrownBy(() -> PluginDiscovery.scan(plugins)).isInstanceOf(PluginError.class)
                .hasMessageContaining("a.jar and ").hasMessageContaining("b.jar are identical copies; remove")
                .hasMessageEndingWith("b.jar");
    }

    @Test
    void twoVersionsOfOnePluginAreNamed() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        jar(plugins.resolve("noise-1.0.jar"), Map.of(SERVICE, "org.example.Noise\n"));
        jar(plugins.resolve("noise-1.1.jar"), Map.of(SERVICE, "# newer\norg.example.Noise\n", "VERSION", "1.1"));
        assertThatThrownBy(() -> PluginDiscovery.scan(plugins)).isInstanceOf(PluginError.class)
                .hasMessageContaining("noise-1.0.jar and ").hasMessageContaining("noise-1.1.jar both provide org.example.Noise");
    }

    @Test
    void corruptAndEmptyJarsStopStartUp() throws IOException {
        Path corrupt = Files.createDirectories(dir.resolve("corrupt"));
        Files.write(corrupt.resolve("broken.jar"), new byte[] {1, 2, 3, 4, 5});
        assertThatThrownBy(() -> PluginDiscovery.scan(corrupt)).isInstanceOf(PluginError.class)
                .hasMessageContaining("broken.jar is not a readable jar");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        jar(empty.resolve("nothing.jar"), Map.of("README", "hello"));
        assertThatThrownBy(() -> PluginDiscovery.scan(empty)).isInstanceOf(PluginError.class)
                .hasMessageContaining("nothing.jar declares no SeqAug provider");
    }

    @Test
    void aBrokenPluginReferenceConfIsAConfigurationErrorNamingTheJar() throws IOException {
        Path jar = dir.resolve("broken-settings.jar");
        jar(jar, Map.of(SERVICE, "org.example.Noise\n", "reference.conf", "seqaug { augmenter { noise { sigma = [ } } }"));
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
                getClass().getClassLoader())) {
            assertThatThrownBy(() -> new io.seqaug.runtime.config.ConfigLoader(loader).reference())
                    .isInstanceOf(io.seqaug.runtime.config.ConfigError.class)
                    .hasMessageContaining("cannot read the settings a plugin declares").hasMessageContaining("broken-settings.jar");
        }
    }
}
