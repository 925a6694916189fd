package io.seqaug.runtime.cli;

import io.seqaug.runtime.config.ConfigError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The extra workers of {@code seqaug compare --workers N}: copies of this process's own command line
 * as plain workers ({@code --worker} instead of {@code --workers N}), each with
 * {@code OMP_NUM_THREADS} set to its share of the cores and its output in the grid's
 * {@code workers/} folder. They claim jobs like any other worker, so a job still runs once.
 */
final class WorkerProcesses {

    private WorkerProcesses() {}

    /**
     * Starts helpers.
     *
     * @param count how many
     * @param threads engine threads of each
     * @param logs where each writes {@code worker-<i>.log}
     * @return the processes
     * @throws ConfigError when this process's command line cannot be read back
     */
    static List<Process> start(int count, int threads, Path logs) {
        ProcessHandle.Info self = ProcessHandle.current().info();
        if (self.command().isEmpty() || self.arguments().isEmpty()) {
            throw new ConfigError("--workers: this platform does not report the command line to repeat; start the"
                    + " workers by hand, each with OMP_NUM_THREADS set");
        }
        List<String> command = new ArrayList<>();
        command.add(self.command().get());
        command.addAll(helperArguments(Arrays.asList(self.arguments().get())));
        List<Process> started = new ArrayList<>();
        try {
            Files.createDirectories(logs);
            for (int i = 1; i <= count; i++) {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(logs.resolve("worker-" + i + ".log").toFile());
                builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
                started.add(builder.start());
            }
        } catch (IOException e) {
            started.forEach(Process::destroy);
            throw new ConfigError("--workers: cannot start a worker: " + e.getMessage(), e);
        }
        System.err.println("seqaug: " + (count + 1) + " workers with " + threads + " engine thread(s) each; the other "
                + count + " write to " + logs);
        return started;
    }

    /**
     * A helper's arguments: this process's, with {@code --workers N} (or {@code --workers=N}) replaced
     * by {@code --worker}.
     *
     * @param arguments this process's arguments after the executable
     * @return the helper's
     */
    static List<String> helperArguments(List<String> arguments) {
        List<String> out = new ArrayList<>();
        boolean plainWorker = false;
        for (int i = 0; i < arguments.size(); i++) {
            String a = arguments.get(i);
            if (a.equals("--workers")) {
                i++;
                continue;
            }
            if (a.startsWith("--workers=")) {
                continue;
            }
            plainWorker |= a.equals("--worker");
            out.add(a);
        }
        if (!plainWorker) {
            out.add("--worker");
        }
        return out;
    }

    /**
     * Waits for helpers to end.
     *
     * @param helpers the processes
     * @return one line per helper that failed
     */
    static List<String> await(List<Process> helpers) {
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < helpers.size(); i++) {
            try {
                int code = helpers.get(i).waitFor();
                if (code != 0) {
                    failed.add("worker " + (i + 1) + " ended with status " + code + " (see its log in the grid's workers/ folder)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                helpers.forEach(Process::destroy);
                failed.add("interrupted while waiting for the workers");
                break;
            }
        }
        return failed;
    }
}
