package io.seqaug.runtime.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A grid stopped by a signal (Ctrl-C, or SIGTERM from a scheduler) still draws its charts. */
class StopSignalFaultsTest {

    @TempDir
    Path dir;

    @Test
    void aStoppedGridStillDrawsItsCharts() throws IOException, InterruptedException {
        Path grid = Files.writeString(dir.resolve("g.conf"), """
                seqaug { train { stage1.epochs = 1, stage2.epochs = 1, progress = false }, data.dataset = synthetic,
                  data.synthetic.users = 300, output-dir = "%s", plugins-dir = "%s/none" }
                grid { name = "g", datasets = ["synthetic"], backbones = ["sasrec"], augmenters = ["none", "basrec"],
                  seeds = [1], cells = [ { augmenter = "basrec", settings.train.stage2.epochs = 100000 } ] }
                """.formatted(dir, dir));
        Path log = dir.resolve("log.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                "io.seqaug.runtime.cli.Main", "compare", "-c", grid.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.readString(log).contains("cell 2/2") && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(Files.readString(log)).contains("cell 2/2");
            Thread.sleep(1500);
            p.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        Path out = dir.resolve("g");
        assertThat(Files.readString(log)).contains("stopping after the current batch");
        assertThat(out.resolve("summary.md")).exists();
        assertThat(out.resolve("ndcg10.png")).exists();
        assertThat(out.resolve("valid-ndcg20.png")).exists();
    }
}
