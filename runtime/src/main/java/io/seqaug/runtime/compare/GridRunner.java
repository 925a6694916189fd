package io.seqaug.runtime.compare;

import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.experiment.Experiment;
import io.seqaug.runtime.train.StopSignal;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs the jobs of a {@link GridPlan} as a worker: it claims the first job in plan order that is
 * not finished, not claimed by a live worker and whose stage-1 job has finished, runs it, and
 * starts over, until no job is left for it. A cell never starts from a stage 1 that has not
 * finished: while another worker runs that stage 1, this one waits for it (or takes it over when
 * its claim goes stale, see {@link JobClaim}). Any number of workers, on one machine or on several
 * sharing the grid folder, therefore run every job exactly once, and a single worker is the plain
 * sequential grid. Every job is validated before the first one trains; a job whose results are on
 * disk with the same settings is skipped, one with other settings stops the grid with the
 * differences. Reports are written when the worker ends, from every cell finished by then; workers
 * that end together write them one at a time, so the last one's reports hold every finished cell.
 */
public final class GridRunner {

    /** File in the grid folder that report writers lock, one at a time across processes. */
    static final String REPORT_LOCK = ".reports.lock";

    /** Report writers of this JVM, one at a time (a JVM cannot hold one file lock twice). */
    private static final Object REPORT_WRITERS = new Object();

    private final Experiment experiment;

    /**
     * How a worker goes about the plan.
     *
     * @param keepGoing on a failed job, report it and go on with the jobs that do not depend on it
     *     (a cluster worker); otherwise the first failure ends the worker with that error
     * @param onlyJob run just this job of the plan (and its stage-1 job first, if no worker has)
     * @param poll how often a waiting worker looks again
     */
    public record Mode(boolean keepGoing, OptionalInt onlyJob, Duration poll) {

        /** One worker through the whole plan, stopping at the first failure. */
        public static final Mode SEQUENTIAL = new Mode(false, OptionalInt.empty(), Duration.ofSeconds(2));
    }

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
     * Runs the grid as one worker through the whole plan, stopping at the first failure.
     *
     * @param plan the grid's jobs ({@link GridPlan#build})
     * @param stop ends the grid after the current epoch when requested
     * @param console where progress and the summary go
     * @return the finished cells, and where the reports are
     */
    public GridReport run(GridPlan plan, StopSignal stop, PrintStream console) {
        return run(plan, stop, console, Mode.SEQUENTIAL).report();
    }

    /**
     * What a worker did.
     *
     * @param report the reports written at its end
     * @param ran how many jobs this worker ran
     * @param failed the jobs that failed in this worker, as labels with their errors
     */
    public record Outcome(GridReport report, int ran, List<String> failed) {}

    /**
     * Refuses a grid whose different datasets would read one file: {@code seqaug.data.path} replaces
     * the lookup of {@code data.dataset}, so set beside several datasets it trains every row on the
     * same data under different labels.
     */
    private static void requireDistinctData(List<GridPlan.Job> jobs) {
        Map<String, String> datasetOfPath = new HashMap<>();
        for (GridPlan.Job job : jobs) {
            String path = job.settings().string("data.path");
            if (path.isEmpty()) {
                continue;
            }
            String other = datasetOfPath.putIfAbsent(path, job.dataset());
            if (other != null && !other.equals(job.dataset())) {
                throw new ConfigError("seqaug.data.path = " + path + " (" + job.settings().origin("data.path")
                        + ") applies to the grid's datasets " + other + " and " + job.dataset()
                        + ", so both would train on that one file; list data files in grid.datasets instead");
            }
        }
    }

    /**
     * Runs jobs of the grid as one worker.
     *
     * @param plan the grid's jobs
     * @param stop ends the current job after its epoch and the worker after it
     * @param console where progress goes
     * @param mode how to go about it
     * @return what this worker did, with the reports of everything finished so far
     */
    public Outcome run(GridPlan plan, StopSignal stop, PrintStream console, Mode mode) {
        List<GridPlan.Job> candidates = candidates(plan, mode.onlyJob());
        // Every job is checked before anything trains: names, settings, data, and finished runs
        // whose recorded settings differ from what the grid asks for now.
        Set<String> checkedData = new HashSet<>();
        plan.grid().variants().forEach(v -> experiment.requireDistinctVariantName(v.name(), v.augmenter()));
        requireDistinctData(candidates);
        FinishedJobs finished = new FinishedJobs(plan);
        for (GridPlan.Job job : candidates) {
            experiment.validate(job.settings(), checkedData.add(job.dataset()));
        }
        for (GridPlan.Job job : candidates) {
            finished.isFinished(job);
        }
        plan.writeJson();
        Reports.warmUpCharts();
        Duration timeout = plan.grid().claimTimeout();
        Set<Integer> failed = new HashSet<>();
        List<String> failures = new ArrayList<>();
        for (GridPlan.Job job : candidates) {
            if (!job.stage1() && finished.isFinished(job)) {
                console.printf("== %s already finished%n", describe(plan, job));
            }
        }
        int ran = 0;
        Set<Integer> announced = new HashSet<>();
        try {
            while (!stop.requested()) {
                boolean waiting = false;
                boolean ranOne = false;
                for (GridPlan.Job job : candidates) {
                    if (failed.contains(job.index()) || finished.isFinished(job)) {
                        continue;
                    }
                    if (job.dependsOn() >= 0) {
                        GridPlan.Job stage1 = plan.jobs().get(job.dependsOn());
                        if (failed.contains(stage1.index())) {
                            continue;
                        }
                        if (!finished.isFinished(stage1)) {
                            // Earlier in this pass the stage-1 job was either claimed by another
                            // worker or could not be claimed: wait while someone runs it.
                            boolean held = JobClaim.isHeld(plan.directory(), stage1.index(), timeout);
                            if (held && announced.add(stage1.index())) {
                                // a wait can be long (a whole stage 1): say on whom
                                console.printf("== waiting for %s, which %s runs%n", stage1.label(), JobClaim.holder(plan.directory(),
                                        stage1.index()).map(JobClaim.Owner::describe).orElse("another worker"));
                            }
                            waiting |= held;
                            continue;
                        }
                    }
                    Optional<JobClaim> claim = JobClaim.tryClaim(plan.directory(), job.index(), timeout);
                    if (claim.isEmpty()) {
                        // Another worker runs it; the single-job mode waits for its own job.
                        waiting |= mode.onlyJob().isPresent() && job.index() == mode.onlyJob().getAsInt();
                        continue;
                    }
                    try (JobClaim held = claim.get()) {
                        if (finished.isFinished(job)) {
                            continue; // finished by another worker between the check and the claim
                        }
                        console.printf("== %s: %s%n", describe(plan, job), job.directory());
                        experiment.run(job.settings(), stop, console);
                        ran++;
                    } catch (RuntimeException e) {
                        if (!mode.keepGoing()) {
                            throw e;
                        }
                        failed.add(job.index());
                        failures.add(job.label() + ": " + e.getMessage());
                        console.printf("== %s failed: %s%n", job.label(), e.getMessage());
                    }
                    ranOne = true;
                    break;
                }
                if (ranOne) {
                    continue;
                }
                if (!waiting) {
                    break;
                }
                sleep(mode.poll());
            }
        } catch (RuntimeException e) {
            // What finished before the failure is still reported.
            try {
                report(plan);
            } catch (RuntimeException reportFailure) {
                e.addSuppressed(reportFailure);
            }
            throw e;
        }
        return new Outcome(report(plan), ran, List.copyOf(failures));
    }

    /**
     * The reports of a grid from the cells finished so far, each checked against the plan as a
     * claim would check it: a cell that finished with other settings or inputs (other settings, other data, another
     * stage 1) stops the report instead of appearing in it as this grid's result.
     *
     * @param plan the grid's jobs
     * @return the reports written
     */
    public static GridReport report(GridPlan plan) {
        FinishedJobs checked = new FinishedJobs(plan);
        // Workers that end together each write the reports. Reading the finished cells and writing
        // the reports under one lock means the last writer read after every other writer's cell had
        // finished, so the reports left behind hold every finished cell.
        return underReportLock(plan.directory(), () -> {
            List<CellResult> finished = new ArrayList<>();
            for (GridPlan.Job job : plan.jobs()) {
                if (!job.stage1() && checked.isFinished(job)) {
                    CellResult.read(job.directory(), job.dataset(), job.backbone(), job.augmenter(), job.seed())
                            .ifPresent(finished::add);
                }
            }
            GridReport report = Reports.write(plan.directory(), finished, plan.cells());
            SweepReport.write(plan);
            return report;
        });
    }

    /**
     * Does some work while holding the grid's report lock: one holder at a time, in this JVM and
     * across processes sharing the grid folder.
     *
     * @param gridDir the grid folder
     * @param work what to do
     * @param <T> its result's type
     * @return the work's result
     */
    static <T> T underReportLock(Path gridDir, Supplier<T> work) {
        Path lockFile = gridDir.resolve(REPORT_LOCK);
        synchronized (REPORT_WRITERS) {
            try {
                Files.createDirectories(gridDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create grid folder " + gridDir + ": " + e.getMessage(), e);
            }
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                return work.get();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + lockFile + " to write the reports: " + e.getMessage(), e);
            }
        }
    }

    private static List<GridPlan.Job> candidates(GridPlan plan, OptionalInt onlyJob) {
        if (onlyJob.isEmpty()) {
            return plan.jobs();
        }
        int index = onlyJob.getAsInt();
        if (index < 0 || index >= plan.jobs().size()) {
            throw new ConfigError("job " + index + " is not in grid " + plan.grid().name() + ", whose jobs are 0 to "
                    + (plan.jobs().size() - 1) + " (see seqaug plan)");
        }
        GridPlan.Job job = plan.jobs().get(index);
        return job.dependsOn() < 0 ? List.of(job) : List.of(plan.jobs().get(job.dependsOn()), job);
    }

    private static String describe(GridPlan plan, GridPlan.Job job) {
        if (job.stage1()) {
            return "stage 1 for " + job.directory().getFileName();
        }
        int number = 0;
        for (GridPlan.Job j : plan.jobs()) {
            if (!j.stage1()) {
                number++;
            }
            if (j == job) {
                break;
            }
        }
        return "cell " + number + "/" + plan.cells() + ": " + job.dataset() + " " + job.backbone() + " " + job.augmenter()
                + " seed " + job.seed();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for other workers", e);
        }
    }
}
