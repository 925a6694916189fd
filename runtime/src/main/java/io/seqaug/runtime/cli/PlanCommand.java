package io.seqaug.runtime.cli;

import com.typesafe.config.ConfigRenderOptions;
import io.seqaug.runtime.compare.GridPlan;
import io.seqaug.runtime.compare.JobClaim;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code seqaug plan}: the jobs of a grid, in order, without running any. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Print the jobs of a grid in the order they run (stage-1 jobs, then the cells that start from them), "
            + "with their folders, dependencies, status and grid settings; write plan.json.")
final class PlanCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    static String status(GridPlan plan, GridPlan.Job job) {
        if (GridPlan.isFinished(job)) {
            return "finished";
        }
        return JobClaim.isHeld(plan.directory(), job.index(), plan.grid().claimTimeout()) ? "running" : "pending";
    }

    @Override
    public Integer call() {
        GridPlan plan = options.grid("plan").plan();
        // columns as wide as their longest entry, so that long variant or file names keep the table aligned
        int dataset = width("dataset", plan.jobs().stream().map(GridPlan.Job::dataset).toList());
        int backbone = width("backbone", plan.jobs().stream().map(GridPlan.Job::backbone).toList());
        int augmenter = width("augmenter", plan.jobs().stream().map(j -> j.stage1() ? "-" : j.augmenter()).toList());
        String columns = "%-5s %-7s %-" + dataset + "s %-" + backbone + "s %-" + augmenter + "s %6s %7s %-8s %s%s%n";
        System.out.printf(Locale.ROOT, columns, "job", "kind", "dataset", "backbone", "augmenter", "seed", "after", "status",
                "folder / grid settings", "");
        for (GridPlan.Job j : plan.jobs()) {
            String settings = j.cellSettings().isEmpty() ? "" : "  " + j.cellSettings().root()
                    .render(ConfigRenderOptions.concise());
            System.out.printf(Locale.ROOT, columns, Integer.toString(j.index()), j.stage1() ? "stage1" : "cell", j.dataset(),
                    j.backbone(), j.stage1() ? "-" : j.augmenter(), Long.toString(j.seed()),
                    j.dependsOn() < 0 ? "-" : Integer.toString(j.dependsOn()), status(plan, j), j.directory(), settings);
        }
        Path written = plan.writeJson();
        System.out.println("plan: " + written);
        return 0;
    }

    private static int width(String header, List<String> values) {
        int width = header.length();
        for (String v : values) {
            width = Math.max(width, v.length());
        }
        return width;
    }
}
