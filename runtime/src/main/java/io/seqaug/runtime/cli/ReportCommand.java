package io.seqaug.runtime.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.seqaug.runtime.compare.CellResult;
import io.seqaug.runtime.compare.GridPlan;
import io.seqaug.runtime.compare.GridReport;
import io.seqaug.runtime.compare.Reports;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code seqaug report}: the grid's reports from whatever has finished, without training. */
@Command(name = "report", mixinStandardHelpOptions = true, description = {"Rebuild summary.md, results.csv and the charts",
    "of a grid from the cells that have finished, and list the jobs that have not."})
final class ReportCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() {
        if (options.config == null) {
            throw new ConfigError("report needs a grid file: seqaug report -c examples/quick.conf");
        }
        Bootstrap runtime = options.start();
        Config file;
        try {
            file = ConfigLoader.parseFile(options.config).resolve();
        } catch (ConfigException e) {
            throw new ConfigError(e.getMessage(), e);
        }
        GridPlan plan = GridPlan.build(file, options.config.toString(), options.overrides,
                new ConfigLoader(runtime.discovery().classLoader()));
        List<CellResult> finished = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (GridPlan.Job job : plan.jobs()) {
            Optional<CellResult> done = job.stage1() ? Optional.empty()
                    : CellResult.read(job.directory(), job.dataset(), job.backbone(), job.augmenter(), job.seed());
            done.ifPresent(finished::add);
            if (!GridPlan.isFinished(job)) {
                pending.add("job " + job.index() + ": " + job.label() + " (" + job.directory() + ")");
            }
        }
        GridReport report = Reports.write(plan.directory(), finished, plan.cells());
        System.out.println(report.summary());
        System.out.println("reports: " + report.directory().resolve("summary.md") + ", results.csv"
                + (finished.isEmpty() ? "" : ", ndcg10.png, valid-ndcg20.png"));
        if (pending.isEmpty()) {
            System.out.println("every job has finished");
        } else {
            System.out.println(pending.size() + " job(s) not finished:");
            pending.forEach(p -> System.out.println("  " + p));
        }
        return 0;
    }
}
