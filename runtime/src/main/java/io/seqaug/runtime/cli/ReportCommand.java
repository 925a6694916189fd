package io.seqaug.runtime.cli;

import io.seqaug.runtime.compare.GridPlan;
import io.seqaug.runtime.compare.GridReport;
import io.seqaug.runtime.compare.GridRunner;
import io.seqaug.runtime.compare.JobClaim;
import io.seqaug.runtime.experiment.EpochLog;
import io.seqaug.runtime.experiment.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code seqaug report}: the grid's reports from whatever has finished, without training. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Rebuild summary.md, results.csv and the charts "
        + "of a grid from the cells that have finished, and list the jobs that have not.")
final class ReportCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() {
        GridPlan plan = options.grid("report").plan();
        GridReport report = GridRunner.report(plan);
        List<String> pending = new ArrayList<>();
        for (GridPlan.Job job : plan.jobs()) {
            if (!GridPlan.isFinished(job)) {
                String state = JobClaim.holder(plan.directory(), job.index())
                        .filter(o -> JobClaim.isHeld(plan.directory(), job.index(), plan.grid().claimTimeout()))
                        .map(o -> "running: " + o.describe()).orElseGet(() -> idleState(job.directory()));
                pending.add("job " + job.index() + ": " + job.label() + ", " + state + " (" + job.directory() + ")");
            }
        }
        System.out.println(report.summary());
        System.out.println("reports: " + report.directory().resolve("summary.md") + ", results.csv"
                + (report.cells().isEmpty() ? "" : ", ndcg10.png, valid-ndcg20.png"));
        if (pending.isEmpty()) {
            System.out.println("every job has finished");
        } else {
            System.out.println(pending.size() + " job(s) not finished:");
            pending.forEach(p -> System.out.println("  " + p));
        }
        return 0;
    }

    /** A job nobody runs: stopped with a resume point, or not started. */
    private static String idleState(Path runDir) {
        if (!Files.exists(new RunFolder(runDir).resume())) {
            return "waiting";
        }
        return EpochLog.read(runDir).lastEpoch().map(p -> "stopped after stage " + p.stage() + " epoch " + p.epoch())
                .orElse("stopped") + ", continues from its " + RunFolder.RESUME + " when a worker takes it";
    }
}
