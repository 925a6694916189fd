package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqaug.runtime.compare.CellResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A grid run on a real one-node Slurm cluster through the scripts {@code seqaug slurm} writes, checked
 * against a plain sequential run of the same grid. Skipped, with a message, where Slurm is not
 * installed or the test is not root; {@code .ci/run} installs it, so CI always runs it.
 */
class SlurmTest {

    private static final Path CLUSTER_SCRIPT = Path.of("src/test/slurm/one-node.sh").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void aGridRunAsSlurmArraysEqualsASequentialRun() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/slurmctld")) && Files.isExecutable(Path.of("/usr/sbin/slurmd"))
                && Files.isExecutable(Path.of("/usr/bin/sbatch")) && Files.isExecutable(Path.of("/usr/sbin/munged")),
                "Slurm is not installed (Debian: slurmctld slurmd slurm-client munge); skipping the Slurm test, which .ci/run always runs");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "the Slurm test starts a one-node cluster and needs root; skipping it");
        Path cluster = dir.resolve("cluster");
        Path launcher = launcher();
        Path grid = Files.writeString(dir.resolve("grid.conf"), """
                seqaug.train { stage1.epochs = 2, stage2.epochs = 1 }
                grid {
                  name = "slurm"
                  datasets = ["synthetic"]
                  backbones = ["sasrec", "gru4rec"]
                  augmenters = ["none", "basrec"]
                  seeds = [1, 2]
                  cells = [ { augmenter = "basrec", settings.augmenter.basrec.n-pairs = 1 } ]
                }
                """);
        // A folder name with a space, a quote and a percent sign: sbatch must read the directives whole,
        // and Slurm must not expand the % of the log folder as a pattern.
        Path slurmOut = Files.createDirectories(dir.resolve("on slurm's 100%"));
        Path sequentialOut = Files.createDirectories(dir.resolve("sequential"));

        run(List.of(CLUSTER_SCRIPT.toString(), "start", cluster.toString()), Map.of(), 60);
        try {
            System.setProperty("io.seqaug.launcher", launcher.toString());
            CliTestSupport.Run generated;
            try {
                generated = CliTestSupport.run(CliTestSupport.synthetic(slurmOut.toString(), "slurm", "-c", grid.toString(),
                        "--cpus", "1", "--max-parallel", "2", "--time", "00:10:00"));
            } finally {
                System.clearProperty("io.seqaug.launcher");
            }
            assertThat(generated.code()).as(generated.err()).isZero();
            String submit = generated.out().lines().filter(l -> l.startsWith("  jid=")).findFirst().orElseThrow().strip();
            String stage1Script = Files.readString(slurmOut.resolve("slurm/slurm/stage1.sbatch"));
            assertThat(stage1Script).contains("#SBATCH --array=0,3,6,9%2").contains("--job env");
            assertThat(Files.readString(slurmOut.resolve("slurm/slurm/cells.sbatch")))
                    .contains("#SBATCH --array=1-2,4-5,7-8,10-11%2");

            Map<String, String> env = Map.of("SLURM_CONF", cluster.resolve("slurm.conf").toString());
            run(List.of("bash", "-c", submit), env, 30);
            // Meanwhile, the same grid sequentially, for the comparison.
            List<String> sequential = new ArrayList<>(List.of(launcher.toString()));
            sequential.addAll(List.of(CliTestSupport.synthetic(sequentialOut.toString(), "compare", "-c", grid.toString())));
            run(sequential, Map.of("OMP_NUM_THREADS", "1"), 300);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!run(List.of("squeue", "-h"), env, 30).isBlank()) {
                assertThat(System.nanoTime()).as("the Slurm jobs finish within 5 minutes").isLessThan(deadline);
                Thread.sleep(1000);
            }
        } finally {
            run(List.of(CLUSTER_SCRIPT.toString(), "stop", cluster.toString()), Map.of(), 60);
        }
        Map<String, Map<String, Double>> onSlurm = testMetrics(slurmOut.resolve("slurm"));
        assertThat(onSlurm).as(taskLogs(slurmOut.resolve("slurm/slurm/logs"))).hasSize(8);
        assertThat(onSlurm).isEqualTo(testMetrics(sequentialOut.resolve("slurm")));
        try (var logs = Files.list(slurmOut.resolve("slurm/slurm/logs"))) {
            assertThat(logs.map(p -> p.getFileName().toString())).as("one log per task, where the scripts say").hasSize(12)
                    .allMatch(name -> name.matches("seqaug-slurm-(stage1|cells)-[0-9]+_[0-9]+\\.out"));
        }
        CliTestSupport.Run report = CliTestSupport.run(CliTestSupport.synthetic(slurmOut.toString(), "report", "-c",
                grid.toString()));
        assertThat(report.out()).contains("every job has finished").contains("| synthetic | gru4rec | basrec | 2 |");
    }

    /** A launcher that runs this test's classpath, as the installed {@code seqaug} would run its jar. */
    private Path launcher() throws IOException {
        Path file = dir.resolve("seqaug");
        Files.writeString(file, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -Xmx1g -Dai.djl.offline=true -cp '" + System.getProperty("java.class.path")
                + "' io.seqaug.runtime.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static String run(List<String> command, Map<String, String> env, int seconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(seconds, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }

    private static String taskLogs(Path logs) throws IOException {
        if (!Files.isDirectory(logs)) {
            return "no task logs";
        }
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(logs)) {
            for (Path f : files.sorted().toList()) {
                all.append("--- ").append(f.getFileName()).append('\n').append(Files.readString(f));
            }
        }
        return all.toString();
    }

    private static Map<String, Map<String, Double>> testMetrics(Path gridDir) throws IOException {
        Map<String, Map<String, Double>> metrics = new TreeMap<>();
        if (!Files.isDirectory(gridDir.resolve("cells"))) {
            return metrics;
        }
        try (var cells = Files.list(gridDir.resolve("cells"))) {
            for (Path cell : cells.toList()) {
                CellResult.read(cell, "d", "b", "a", 0).ifPresent(r -> metrics.put(cell.getFileName().toString(), r.test()));
            }
        }
        return metrics;
    }
}
