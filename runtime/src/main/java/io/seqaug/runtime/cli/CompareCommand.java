package io.seqaug.runtime.cli;

import io.seqaug.runtime.compare.GridPlan;
import io.seqaug.runtime.compare.GridRunner;
import io.seqaug.runtime.compare.JobClaim;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.experiment.RunFolder;
import io.seqaug.runtime.train.StopSignal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code seqaug compare}: a grid of experiments with a summary table and charts. */
@Command(name = "compare", mixinStandardHelpOptions = true, description = {
    "Run a grid of datasets x backbones x augmenters x seeds and report side by side.",
    "Every compare is a worker that claims jobs in the grid folder: start several, on one machine or on",
    "machines sharing the folder, and each job still runs exactly once."})
final class CompareCommand implements Callable<Integer> {

    /** Environment variables that name one job of an array job: Slurm's, then Kubernetes Indexed Jobs'. */
    static final String[] INDEX_VARIABLES = {"SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"};

    /** The engine's property for its number of threads. */
    static final String ENGINE_THREADS = "ai.djl.pytorch.num_threads";

    @Mixin
    ConfigOptions options;

    @Option(names = "--worker", description = "Keep going after a failed job with the jobs that do not depend on it "
            + "(for cluster workers); the exit status is still non-zero.")
    boolean worker;

    @Option(names = "--job", paramLabel = "INDEX|env", description = "Run only this job of the plan (see seqaug plan), "
            + "after its stage-1 job if nobody has run it; 'env' reads the index from SLURM_ARRAY_TASK_ID or "
            + "JOB_COMPLETION_INDEX.")
    String job;

    @Option(names = "--workers", paramLabel = "N|auto", defaultValue = "auto", description = "Workers to run on this "
            + "machine, each with cores / N engine threads; they claim the grid's jobs like any workers. auto (the default): "
            + "one per stage-1 job that can run at once (cells once those are done), up to the cores; 1 with --job or "
            + "--worker, when OMP_NUM_THREADS is set, or when other workers of the grid run here.")
    String workers;

    @Override
    public Integer call() {
        OptionalInt only = job == null ? OptionalInt.empty() : OptionalInt.of(jobIndex(job, System.getenv()));
        int cores = Runtime.getRuntime().availableProcessors();
        boolean auto = workers.equals("auto");
        int requested = auto ? 1 : explicitWorkers(workers, cores);
        if (requested > 1 && only.isPresent()) {
            throw new ConfigError("--workers runs a whole grid; with --job, start one process per job instead");
        }
        ConfigOptions.GridCommand grid = options.grid("compare");
        List<JobClaim.Owner> others = JobClaim.otherWorkersOnThisHost(grid.plan().directory());
        int parallel = parallelJobs(grid.plan());
        // helpers repeat this process's command line: only one the launcher started
        int workers = !auto ? requested : autoWorkers(cores, parallel, worker || only.isPresent(), !others.isEmpty(),
                System.getenv(), System.getProperty(ENGINE_THREADS), System.getProperty(SlurmCommand.LAUNCHER_PROPERTY) != null);
        if (workers > 1) {
            // before the engine starts: this worker's share of the cores
            System.setProperty(ENGINE_THREADS, Integer.toString(Math.max(1, cores / workers)));
            if (auto) {
                System.err.println("seqaug: --workers auto: " + workers + " workers for " + parallel
                        + " jobs that can run at once on " + cores + " cores (--workers 1 keeps one worker on every core)");
            }
        }
        sharedCoresHint(others, System.getenv(), System.getProperty(ENGINE_THREADS), cores).ifPresent(System.err::println);
        List<Process> helpers = workers > 1 ? WorkerProcesses.start(workers - 1, Math.max(1, cores / workers),
                grid.plan().directory().resolve("workers")) : List.of();
        StopSignal stop = new StopSignal();
        GridRunner.Outcome outcome;
        try (Interrupts ignored = Interrupts.install(stop)) {
            outcome = grid.runtime().injector().getInstance(GridRunner.class).run(grid.plan(), stop, System.out,
                    new GridRunner.Mode(worker, only, Duration.ofSeconds(2)));
        }
        var report = outcome.report();
        if (!helpers.isEmpty()) {
            List<String> failedHelpers = WorkerProcesses.await(helpers);
            failedHelpers.forEach(System.err::println);
            // the helpers' cells finished after this worker's last report
            report = GridRunner.report(grid.plan());
            if (!failedHelpers.isEmpty() && outcome.failed().isEmpty()) {
                return Main.RUNTIME_ERROR;
            }
        }
        if (only.isPresent()) {
            System.out.println("reports (cells finished so far): " + report.directory().resolve("summary.md"));
            return outcome.failed().isEmpty() ? 0 : Main.RUNTIME_ERROR;
        }
        System.out.println();
        System.out.println(report.summary());
        System.out.println("reports: " + report.directory().resolve("summary.md") + ", results.csv, ndcg10.png, valid-ndcg20.png");
        if (!outcome.failed().isEmpty()) {
            System.err.println(outcome.failed().size() + " job(s) failed in this worker:");
            outcome.failed().forEach(f -> System.err.println("  " + f));
            return Main.RUNTIME_ERROR;
        }
        if (report.cells().size() < report.expected()) {
            System.out.println((report.expected() - report.cells().size())
                    + " cell(s) not finished: stopped, or still running in another worker (seqaug report lists them)");
            return worker ? 0 : Main.RUNTIME_ERROR;
        }
        return 0;
    }

    private static int explicitWorkers(String value, int cores) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigError("--workers must be a number or auto, got '" + value + "'");
        }
        if (n < 1 || n > Math.max(1, cores)) {
            throw new ConfigError("--workers must be between 1 and the " + cores + " cores of this machine, got " + n);
        }
        return n;
    }

    /** Jobs that can run at once now: the unfinished stage-1 jobs, or the unfinished cells when those are done. */
    static int parallelJobs(GridPlan plan) {
        int stage1 = 0;
        int cells = 0;
        for (GridPlan.Job job : plan.jobs()) {
            if (!new RunFolder(job.directory()).isFinished()) {
                if (job.stage1()) {
                    stage1++;
                } else {
                    cells++;
                }
            }
        }
        return stage1 > 0 ? stage1 : cells;
    }

    /**
     * How many workers {@code --workers auto} starts. One worker runs the engine on every core, but
     * the engine's threads wait on each other in the small operations of these models: two workers of
     * one thread each finished a two-seed grid 15% sooner than one of two threads
     * (docs/results/quick-compare.md). A worker with nothing to run would only take a core from the
     * others' threads, so there are never more workers than jobs that can run at once.
     *
     * @param cores the cores of this machine
     * @param parallelJobs jobs that can run at once ({@link #parallelJobs})
     * @param singleWorker {@code --worker} or {@code --job}: this process is one worker of many
     * @param othersHere other workers of the grid run on this host
     * @param environment the environment ({@code OMP_NUM_THREADS} means the user sized the threads)
     * @param engineThreads the engine's thread property, or null
     * @param launched whether the launcher started this process (helpers repeat its command line)
     * @return the number of workers, at least 1
     */
    static int autoWorkers(int cores, int parallelJobs, boolean singleWorker, boolean othersHere, Map<String, String> environment,
            String engineThreads, boolean launched) {
        String limit = environment.get("OMP_NUM_THREADS");
        if (singleWorker || othersHere || !launched || engineThreads != null || limit != null && !limit.isBlank()) {
            return 1;
        }
        return Math.max(1, Math.min(cores, parallelJobs));
    }

    /**
     * A hint for a worker started beside others on one machine, each of which would otherwise run
     * the engine on every core: workers that share cores that way slow each other down far more
     * than the share they give up.
     *
     * @param others the other live workers on this host
     * @param environment the process environment ({@code OMP_NUM_THREADS} limits the engine's threads)
     * @param engineThreads the engine's thread property ({@value #ENGINE_THREADS}), or null
     * @param cores the cores this process may use
     * @return the hint, when the engine's threads are not limited and the cores are shared
     */
    static Optional<String> sharedCoresHint(List<JobClaim.Owner> others, Map<String, String> environment, String engineThreads,
            int cores) {
        String limit = environment.get("OMP_NUM_THREADS");
        if (others.isEmpty() || cores < 2 || limit != null && !limit.isBlank() || engineThreads != null) {
            return Optional.empty();
        }
        int workers = others.size() + 1;
        String pids = others.stream().map(o -> Long.toString(o.pid())).collect(Collectors.joining(", "));
        return Optional.of("seqaug: " + others.size() + " other worker(s) of this grid run on this host (pid " + pids
                + ") and each uses all " + cores + " cores: start every worker with OMP_NUM_THREADS="
                + Math.max(1, cores / workers) + " (cores / workers), or the workers slow each other down");
    }

    /**
     * The job index that {@code --job} names.
     *
     * @param value a number, or {@code env}
     * @param environment the process environment
     * @return the index
     * @throws ConfigError on a value that is neither, or {@code env} without either variable
     */
    static int jobIndex(String value, Map<String, String> environment) {
        String text = value;
        String source = "--job";
        if (value.equals("env")) {
            text = null;
            for (String name : INDEX_VARIABLES) {
                if (environment.get(name) != null && !environment.get(name).isBlank()) {
                    text = environment.get(name).strip();
                    source = name;
                    break;
                }
            }
            if (text == null) {
                throw new ConfigError("--job env: neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX is set");
            }
        }
        try {
            int index = Integer.parseInt(text);
            if (index < 0) {
                throw new NumberFormatException();
            }
            return index;
        } catch (NumberFormatException e) {
            throw new ConfigError(source + ": expected a job index (0, 1, ...) or 'env', got '" + text + "'");
        }
    }
}
