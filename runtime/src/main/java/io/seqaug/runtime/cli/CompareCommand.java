package io.seqaug.runtime.cli;

import io.seqaug.runtime.compare.GridRunner;
import io.seqaug.runtime.compare.JobClaim;
import io.seqaug.runtime.config.ConfigError;
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

    @Option(names = "--workers", paramLabel = "N", defaultValue = "1", description = "Workers to run on this machine, "
            + "each with cores / N engine threads (default 1); they claim the grid's jobs like any workers.")
    int workers;

    @Override
    public Integer call() {
        OptionalInt only = job == null ? OptionalInt.empty() : OptionalInt.of(jobIndex(job, System.getenv()));
        int cores = Runtime.getRuntime().availableProcessors();
        if (workers < 1 || workers > Math.max(1, cores)) {
            throw new ConfigError("--workers must be between 1 and the " + cores + " cores of this machine, got " + workers);
        }
        if (workers > 1 && only.isPresent()) {
            throw new ConfigError("--workers runs a whole grid; with --job, start one process per job instead");
        }
        if (workers > 1) {
            // before the engine starts: this worker's share of the cores
            System.setProperty(ENGINE_THREADS, Integer.toString(Math.max(1, cores / workers)));
        }
        ConfigOptions.GridCommand grid = options.grid("compare");
        sharedCoresHint(JobClaim.otherWorkersOnThisHost(grid.plan().directory()), System.getenv(),
                System.getProperty(ENGINE_THREADS), cores).ifPresent(System.err::println);
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
