package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqaug.runtime.compare.CellResult;
import io.seqaug.runtime.compare.JobClaim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Several {@code seqaug compare} processes on one grid folder: every job runs exactly once, a killed
 * worker's job is taken over, and the results equal those of one sequential run.
 */
class WorkersTest {

    private static final Pattern STARTED = Pattern.compile("^== (stage 1 for \\S+|cell \\d+/\\d+: [^:]+): ", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void threeWorkersRunEveryJobOnceAndMatchASequentialRun() throws Exception {
        Path grid = grid("workers", 1, List.of("none", "basrec"), List.of(1, 2));
        Path sequentialDir = Files.createDirectories(dir.resolve("sequential"));
        Path sharedDir = Files.createDirectories(dir.resolve("shared"));
        Process sequential = start(sequentialDir, grid, "sequential");
        assertThat(sequential.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(sequential.exitValue()).as(log(sequentialDir, "sequential")).isZero();

        List<Process> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            workers.add(start(sharedDir, grid, "worker" + i, "--worker"));
        }
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            assertThat(workers.get(i).waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(workers.get(i).exitValue()).as(log(sharedDir, "worker" + i)).isZero();
            all.append(log(sharedDir, "worker" + i));
        }
        // 2 stage-1 jobs and 4 cells, each started by exactly one worker
        Map<String, Integer> starts = new TreeMap<>();
        Matcher m = STARTED.matcher(all);
        while (m.find()) {
            starts.merge(m.group(1), 1, Integer::sum);
        }
        assertThat(starts).hasSize(6).allSatisfy((job, count) -> assertThat(count).as(job).isEqualTo(1));
        assertThat(testMetrics(sharedDir.resolve("workers"))).isEqualTo(testMetrics(sequentialDir.resolve("workers")))
                .hasSize(4);
        assertThat(sharedDir.resolve("workers/" + JobClaim.FOLDER).toFile().list()).isEmpty();
        assertThat(Files.readAllLines(sharedDir.resolve("workers/results.csv"))).hasSize(5);
    }

    @Test
    void aKilledWorkersJobIsTakenOverAndFinishedAsIfNothingHappened() throws Exception {
        Path grid = grid("killed", 40, List.of("none"), List.of(1));
        Path sequentialDir = Files.createDirectories(dir.resolve("sequential"));
        Path sharedDir = Files.createDirectories(dir.resolve("shared"));
        Process sequential = start(sequentialDir, grid, "sequential");

        Process doomed = start(sharedDir, grid, "doomed", "--worker");
        Path epochs = sharedDir.resolve("killed/stage1/synthetic-sasrec-s1/epochs.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(Files.exists(epochs) && Files.size(epochs) > 0) && System.nanoTime() < deadline && doomed.isAlive()) {
            Thread.sleep(50);
        }
        assertThat(doomed.isAlive()).as("the first worker is still training stage 1: %s", log(sharedDir, "doomed")).isTrue();
        doomed.destroyForcibly().waitFor();
        assertThat(JobClaim.file(sharedDir.resolve("killed"), 0)).exists();
        assertThat(sharedDir.resolve("killed/stage1/synthetic-sasrec-s1/results.json")).doesNotExist();

        Process rescuer = start(sharedDir, grid, "rescuer", "--worker");
        assertThat(rescuer.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(rescuer.exitValue()).as(log(sharedDir, "rescuer")).isZero();
        assertThat(log(sharedDir, "rescuer")).contains("== stage 1 for synthetic-sasrec-s1");
        assertThat(sequential.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(sequential.exitValue()).as(log(sequentialDir, "sequential")).isZero();
        assertThat(testMetrics(sharedDir.resolve("killed"))).isEqualTo(testMetrics(sequentialDir.resolve("killed")))
                .hasSize(1);
    }

    private Path grid(String name, int stage1Epochs, List<String> augmenters, List<Integer> seeds) throws IOException {
        return Files.writeString(dir.resolve(name + ".conf"), """
                seqaug.train { stage1.epochs = %d, stage1.patience = %d, stage2.epochs = 1 }
                grid {
                  name = "%s"
                  datasets = ["synthetic"]
                  backbones = ["sasrec"]
                  augmenters = [%s]
                  seeds = [%s]
                  claim-timeout = 1m
                  %s
                }
                """.formatted(stage1Epochs, stage1Epochs, name,
                String.join(", ", augmenters.stream().map(a -> "\"" + a + "\"").toList()),
                String.join(", ", seeds.stream().map(String::valueOf).toList()),
                // a cell for an augmenter the grid does not run would be refused
                augmenters.contains("basrec") ? "cells = [ { augmenter = \"basrec\", settings.augmenter.basrec.n-pairs = 1 } ]"
                        : ""));
    }

    /** A {@code seqaug compare} in its own JVM, one engine thread, its output in {@code <name>.log}. */
    private static Process start(Path outputDir, Path grid, String name, String... more) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                "io.seqaug.runtime.cli.Main"));
        command.addAll(List.of(CliTestSupport.synthetic(outputDir.toString(), "compare", "-c", grid.toString())));
        command.addAll(List.of(more));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(outputDir.resolve(name + ".log").toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        return builder.start();
    }

    private static String log(Path outputDir, String name) throws IOException {
        return Files.readString(outputDir.resolve(name + ".log"));
    }

    private static Map<String, Map<String, Double>> testMetrics(Path gridDir) throws IOException {
        Map<String, Map<String, Double>> metrics = new TreeMap<>();
        try (var cells = Files.list(gridDir.resolve("cells"))) {
            for (Path cell : cells.toList()) {
                CellResult.read(cell, "d", "b", "a", 0).ifPresent(r -> metrics.put(cell.getFileName().toString(), r.test()));
            }
        }
        return metrics;
    }
}
