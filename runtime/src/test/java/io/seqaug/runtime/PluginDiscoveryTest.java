package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqaug.runtime.plugins.DiscoveredProvider;
import io.seqaug.runtime.plugins.PluginDiscovery;
import io.seqaug.runtime.plugins.PluginError;
import io.seqaug.runtime.plugins.ProviderKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

class PluginDiscoveryTest {

    @TempDir
    Path dir;

    static Path exampleJar() {
        Path jar = Path.of(System.getProperty("seqaug.test.pluginJar", "target/test-plugins/seqaug-plugins-example.jar"));
        assertThat(jar).as("the example plugin jar, copied by the build").exists();
        return jar;
    }

    @Test
    void findsBuiltInProvidersOnTheClassPath() {
        PluginDiscovery discovery = PluginDiscovery.scan(dir.resolve("no-plugins"));
        assertThat(discovery.providers(ProviderKind.BACKBONE)).containsOnlyKeys("sasrec", "gru4rec", "fmlp-rec");
        assertThat(discovery.providers(ProviderKind.AUGMENTER)).containsOnlyKeys("none", "basrec", "coserec", "cl4srec",
                "duorec", "iclrec", "data-augment");
        assertThat(discovery.providers(ProviderKind.MIXUP)).containsOnlyKeys("item-wise", "feature-wise", "sequence-wise");
        assertThat(discovery.providers(ProviderKind.WEIGHTING)).containsOnlyKeys("adaptive", "uniform");
        assertThat(discovery.providers(ProviderKind.OPERATOR)).containsKeys("reorder", "substitute", "random");
    }

    @Test
    void findsProvidersInAJarDroppedIntoThePluginsFolder() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(exampleJar(), plugins.resolve("example.jar"));
        PluginDiscovery discovery = PluginDiscovery.scan(plugins);
        DiscoveredProvider<?> noise = discovery.providers(ProviderKind.AUGMENTER).get("gaussian-noise");
        assertThat(noise).isNotNull();
        assertThat(noise.origin()).endsWith("example.jar");
        assertThat(discovery.providers(ProviderKind.OPERATOR)).containsKey("reverse-span");
        assertThat(discovery.jars()).containsExactly(plugins.resolve("example.jar"));
    }

    /** Compiles an augmenter provider named {@code none} into a jar, clashing with the built-in one. */
    private Path clashingJar() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/clash"));
        Files.writeString(src.resolve("Clash.java"), """
                package clash;
                public final class Clash implements io.seqaug.api.AugmenterProvider {
                    public String name() { return "none"; }
                    public io.seqaug.api.Augmenter create(io.seqaug.api.ProviderSettings s, io.seqaug.api.AugmenterContext x) {
                        throw new UnsupportedOperationException();
                    }
                }
                """);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int rc = compiler.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                src.resolve("Clash.java").toString());
        assertThat(rc).isZero();
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path jar = plugins.resolve("clash.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("clash/Clash.class"));
            Files.copy(classes.resolve("clash/Clash.class"), (OutputStream) out);
            out.putNextEntry(new JarEntry("META-INF/services/io.seqaug.api.AugmenterProvider"));
            out.write("clash.Clash\n".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    @Test
    void twoProvidersWithOneNameStopStartUpNamingBothJars() throws IOException {
        Path jar = clashingJar();
        assertThatThrownBy(() -> PluginDiscovery.scan(jar.getParent())).isInstanceOf(PluginError.class)
                .hasMessageContaining("two augmenter providers are named 'none'")
                .hasMessageContaining("io.seqaug.augmenters.NoAugmentation from ")
                .hasMessageContaining("clash.Clash from " + jar);
        CliTestSupport.Run run = CliTestSupport.run("plugins", "-Dseqaug.plugins-dir=" + jar.getParent());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("clash.jar");
    }

    @Test
    void theExamplePluginIsListedConfiguredAndUsedInTraining() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(exampleJar(), plugins.resolve("seqaug-plugins-example.jar"));
        CliTestSupport.Run listed = CliTestSupport.run("plugins", "-Dseqaug.plugins-dir=" + plugins);
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out().lines()).anyMatch(l -> l.matches("augmenter +gaussian-noise +seqaug-plugins-example\\.jar .*"))
                .anyMatch(l -> l.matches("operator +reverse-span +seqaug-plugins-example\\.jar .*"))
                .anyMatch(l -> l.matches("augmenter +basrec +built-in .*"));

        String[] args = CliTestSupport.synthetic(dir.toString(), "train", "-Dseqaug.plugins-dir=" + plugins,
                "-Dseqaug.augmenter.name=gaussian-noise", "-Dseqaug.augmenter.gaussian-noise.sigma=0.1",
                "-Dseqaug.train.stage1.epochs=1", "-Dseqaug.train.stage2.epochs=2", "-Dseqaug.run-name=plugin");
        CliTestSupport.Run trained = CliTestSupport.run(args);
        assertThat(trained.code()).as(trained.err()).isZero();
        List<String> epochs = Files.readAllLines(dir.resolve("plugin/epochs.jsonl"));
        assertThat(epochs.get(0)).doesNotContain("gaussian-noise");
        assertThat(epochs.get(1)).contains("\"stage\":2").contains("\"gaussian-noise\":");

        // A model trained with a plugin evaluates: from the folder it was trained with, or one named by -D.
        Path checkpoint = dir.resolve("plugin/best.ckpt");
        CliTestSupport.Run evaluated = CliTestSupport.run("evaluate", "--checkpoint", checkpoint.toString());
        assertThat(evaluated.code()).as(evaluated.err()).isZero();
        assertThat(evaluated.out()).contains("test  HR@5");
        Path moved = Files.createDirectories(dir.resolve("elsewhere"));
        Files.copy(exampleJar(), moved.resolve("p.jar"));
        CliTestSupport.Run named = CliTestSupport.run("evaluate", "--checkpoint", checkpoint.toString(),
                "-Dseqaug.plugins-dir=" + moved);
        assertThat(named.code()).as(named.err()).isZero();
        // ... and without the jar: evaluation does not use the augmenter, so its settings are left out.
        CliTestSupport.Run gone = CliTestSupport.run("evaluate", "--checkpoint", checkpoint.toString(),
                "-Dseqaug.plugins-dir=" + dir.resolve("no-plugins-here"));
        assertThat(gone.code()).as(gone.err()).isZero();
        assertThat(gone.out()).isEqualTo(evaluated.out());
        assertThat(gone.err()).contains("settings of augmenter.gaussian-noise, operators.reverse-span (from plugins this SeqAug "
                + "does not have) are not needed to use the model and are left out");

        // The plugin's settings are checked like built-in ones.
        CliTestSupport.Run typo = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "train",
                "-Dseqaug.plugins-dir=" + plugins, "-Dseqaug.augmenter.gaussian-noise.sigmaa=0.1"));
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("unknown key seqaug.augmenter.gaussian-noise.sigmaa");
    }

    @Test
    void aJarWrittenInCapitalsIsAJarAndAMissingFolderIsNamedWithTheUnknownName() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(exampleJar(), plugins.resolve("EXAMPLE.JAR"));
        CliTestSupport.Run listed = CliTestSupport.run("plugins", "-Dseqaug.plugins-dir=" + plugins);
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("gaussian-noise");

        Path missing = dir.resolve("plugnis");
        CliTestSupport.Run unknown = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "train",
                "-Dseqaug.plugins-dir=" + missing, "-Dseqaug.augmenter.name=gaussian-noise"));
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown augmenter 'gaussian-noise'")
                .contains("the plugins folder " + missing.toAbsolutePath() + " (seqaug.plugins-dir) does not exist");
    }
}
