package io.seqaug.runtime.cli;

import com.typesafe.config.ConfigRenderOptions;
import io.seqaug.runtime.compare.GridPlan;
import io.seqaug.runtime.compare.JobClaim;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
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
        System.out.printf(Locale.ROOT, "%-5s %-7s %-12s %-9s %-10s %6s %7s %-8s %s%n", "job", "kind", "dataset", "backbone",
                "augmenter", "seed", "after", "status", "folder / grid settings");
        for (GridPlan.Job j : plan.jobs()) {
            String settings = j.cellSettings().isEmpty() ? "" : "  " + j.cellSettings().root()
                    .render(ConfigRenderOptions.concise());
            System.out.printf(Locale.ROOT, "%-5d %-7s %-12s %-9s %-10s %6d %7s %-8s %s%s%n", j.index(),
                    j.stage1() ? "stage1" : "cell", j.dataset(), j.backbone(), j.stage1() ? "-" : j.augmenter(), j.seed(),
                    j.dependsOn() < 0 ? "-" : Integer.toString(j.dependsOn()),
                    status(plan, j), j.directory(), settings);
        }
        Path written = plan.writeJson();
        System.out.println("plan: " + written);
        return 0;
    }
}
