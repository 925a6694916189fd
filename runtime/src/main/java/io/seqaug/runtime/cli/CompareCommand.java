package io.seqaug.runtime.cli;

import io.seqaug.runtime.compare.GridReport;
import io.seqaug.runtime.compare.GridRunner;
import io.seqaug.runtime.train.StopSignal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code seqaug compare}: a grid of experiments with a summary table and charts. */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "Run a grid of datasets x backbones x augmenters x seeds and report side by side.")
final class CompareCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() {
        ConfigOptions.GridCommand grid = options.grid("compare");
        StopSignal stop = new StopSignal();
        GridReport report;
        try (Interrupts ignored = Interrupts.install(stop)) {
            report = grid.runtime().injector().getInstance(GridRunner.class).run(grid.plan(), stop, System.out);
        }
        System.out.println();
        System.out.println(report.summary());
        System.out.println("reports: " + report.directory().resolve("summary.md") + ", results.csv, ndcg10.png, valid-ndcg20.png");
        return report.cells().size() == report.expected() ? 0 : Main.RUNTIME_ERROR;
    }
}
