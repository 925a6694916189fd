package io.seqaug.runtime.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import io.seqaug.runtime.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Two workers that end together both write the grid's reports; the reports left behind must hold
 * every cell finished before the last writer started, whatever the order of their reads and writes.
 */
class ReportLockTest {

    @TempDir
    Path dir;

    @Test
    void aReportWaitsForTheWriterBeforeItAndReadsTheCellsFinishedMeanwhile() throws Exception {
        GridPlan plan = GridPlan.build(ConfigFactory.parseString("""
                seqaug.output-dir = "%s"
                grid { name = "g", datasets = ["synthetic"], backbones = ["sasrec"], augmenters = ["none", "basrec"], seeds = [1] }
                """.formatted(dir.resolve("runs"))), "g.conf", Map.of(), new ConfigLoader(getClass().getClassLoader()));
        List<GridPlan.Job> cells = plan.jobs().stream().filter(j -> !j.stage1()).toList();
        assertThat(cells).hasSize(2);
        finish(cells.get(0), 0.1);

        // One writer holds the lock (as a worker writing its reports would) ...
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> GridRunner.underReportLock(plan.directory(), () -> {
            held.countDown();
            await(release);
            return null;
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        // ... while a second worker asks for its reports, and only then finishes its cell.
        CompletableFuture<GridReport> second = CompletableFuture.supplyAsync(() -> GridRunner.report(plan));
        Thread.sleep(300);
        assertThat(second).isNotDone();
        finish(cells.get(1), 0.2);
        release.countDown();
        first.get(10, TimeUnit.SECONDS);

        GridReport report = second.get(10, TimeUnit.SECONDS);
        assertThat(report.cells()).extracting(CellResult::augmenter).containsExactly("none", "basrec");
        assertThat(Files.readAllLines(plan.directory().resolve("results.csv"))).hasSize(3);
        assertThat(plan.directory().resolve(GridRunner.REPORT_LOCK)).exists();
    }

    private static void finish(GridPlan.Job cell, double ndcg) throws IOException {
        Files.createDirectories(cell.directory());
        StringBuilder test = new StringBuilder();
        for (String metric : List.of("HR@5", "NDCG@5", "HR@10", "NDCG@10", "HR@20", "NDCG@20")) {
            test.append(test.length() == 0 ? "" : ",").append('"').append(metric).append("\":").append(ndcg);
        }
        // the cell's own settings, as a run records them: a report checks them against the plan
        String settings = cell.settings().config().getConfig("seqaug").root().render(ConfigRenderOptions.concise());
        Files.writeString(cell.directory().resolve("results.json"), "{\"interrupted\":false,\"test\":{" + test + "},\"config\":"
                + settings + "}");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
