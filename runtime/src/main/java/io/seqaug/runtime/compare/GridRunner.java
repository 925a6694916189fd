package io.seqaug.runtime.compare;

import io.seqaug.runtime.config.ConfigLoader;
import io.seqaug.runtime.experiment.Experiment;
import io.seqaug.runtime.train.StopSignal;
import jakarta.inject.Inject;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a grid of datasets x backbones x augmenters x seeds, one job of its {@link GridPlan} after
 * another. Cells that share a dataset, backbone and seed share one stage-1 run (the backbone alone),
 * and every cell's stage 2 starts from its best checkpoint. Every job is validated before the first
 * one trains. A job whose results are already on disk with the same settings is skipped, so a rerun
 * resumes an interrupted grid; one with other settings stops the grid with the differences. Reports
 * are written at the end from every finished cell, also when a job fails.
 */
public final class GridRunner {

    private final Experiment experiment;

    /**
     * Created by Guice.
     *
     * @param experiment runs one cell
     */
    @Inject
    public GridRunner(Experiment experiment) {
        this.experiment = experiment;
    }

    /**
     * Runs the grid.
     *
     * @param plan the grid's jobs ({@link GridPlan#build})
     * @param stop ends the grid after the current epoch when requested
     * @param console where progress and the summary go
     * @return the finished cells, and where the reports are
     */
    public GridReport run(GridPlan plan, StopSignal stop, PrintStream console) {
        // Every job is checked before anything trains: names, settings, data, and finished runs
        // whose recorded settings differ from what the grid asks for now.
        Set<String> checkedData = new HashSet<>();
        for (GridPlan.Job job : plan.jobs()) {
            experiment.validate(job.settings(), checkedData.add(job.dataset()));
            RecordedSettings.requireSame(job.directory(), job.label(), job.settings().config().getConfig(ConfigLoader.ROOT),
                    plan.defaults());
        }
        plan.writeJson();
        Reports.warmUpCharts();
        List<CellResult> finished = new ArrayList<>();
        int cellNumber = 0;
        try {
            for (GridPlan.Job job : plan.jobs()) {
                if (job.stage1()) {
                    if (!GridPlan.isFinished(job) && !stop.requested()) {
                        console.printf("== stage 1 for %s: %s%n", job.directory().getFileName(), job.directory());
                        experiment.run(job.settings(), stop, console);
                    }
                    continue;
                }
                cellNumber++;
                Optional<CellResult> done = CellResult.read(job.directory(), job.dataset(), job.backbone(), job.augmenter(),
                        job.seed());
                if (done.isEmpty() && !stop.requested()) {
                    console.printf("== cell %d/%d: %s %s %s seed %d%n", cellNumber, plan.cells(), job.dataset(),
                            job.backbone(), job.augmenter(), job.seed());
                    experiment.run(job.settings(), stop, console);
                    done = CellResult.read(job.directory(), job.dataset(), job.backbone(), job.augmenter(), job.seed());
                } else if (done.isPresent()) {
                    console.printf("== cell %d/%d: %s %s %s seed %d already finished%n", cellNumber, plan.cells(),
                            job.dataset(), job.backbone(), job.augmenter(), job.seed());
                }
                done.ifPresent(finished::add);
            }
        } catch (RuntimeException e) {
            // What finished before the failure is still reported.
            Reports.write(plan.directory(), finished, plan.cells());
            throw e;
        }
        return Reports.write(plan.directory(), finished, plan.cells());
    }

}
