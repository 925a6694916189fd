package io.seqaug.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI on tiny synthetic data for the fault-injection tests in {@code faults/}. */
public final class CliFaults {

    private CliFaults() {}

    /**
     * What a run printed and returned.
     *
     * @param code the exit code
     * @param out standard output
     * @param err standard error
     */
    public record Result(int code, String out, String err) {}

    /**
     * {@code seqaug train} with one epoch per stage on generated data, plus the given arguments.
     *
     * @param dir the output folder
     * @param more further arguments
     * @return the outcome
     */
    public static Result train(Path dir, String... more) {
        List<String> args = new ArrayList<>(List.of(CliTestSupport.synthetic(dir.toString(), "train",
                "-Dseqaug.train.stage1.epochs=1", "-Dseqaug.train.stage2.epochs=0")));
        args.addAll(List.of(more));
        CliTestSupport.Run run = CliTestSupport.run(args.toArray(String[]::new));
        return new Result(run.code(), run.out(), run.err());
    }

    /**
     * {@code seqaug compare} on generated data with the given arguments (a {@code -c} grid file).
     *
     * @param dir the output folder
     * @param more further arguments
     * @return the outcome
     */
    public static Result compare(Path dir, String... more) {
        List<String> args = new ArrayList<>(List.of(CliTestSupport.synthetic(dir.toString(), "compare")));
        args.addAll(List.of(more));
        CliTestSupport.Run run = CliTestSupport.run(args.toArray(String[]::new));
        return new Result(run.code(), run.out(), run.err());
    }

    /**
     * {@code seqaug report} on generated data with the given arguments (a {@code -c} grid file).
     *
     * @param dir the output folder
     * @param more further arguments
     * @return the outcome
     */
    public static Result report(Path dir, String... more) {
        return onGenerated("report", dir, more);
    }

    /**
     * {@code seqaug plan} on generated data with the given arguments (a {@code -c} grid file).
     *
     * @param dir the output folder
     * @param more further arguments
     * @return the outcome
     */
    public static Result plan(Path dir, String... more) {
        return onGenerated("plan", dir, more);
    }

    private static Result onGenerated(String command, Path dir, String... more) {
        List<String> args = new ArrayList<>(List.of(CliTestSupport.synthetic(dir.toString(), command)));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    /**
     * Any command, with exactly the given arguments.
     *
     * @param args the command and its arguments
     * @return the outcome
     */
    public static Result run(String... args) {
        CliTestSupport.Run run = CliTestSupport.run(args);
        return new Result(run.code(), run.out(), run.err());
    }

    /**
     * {@code seqaug train} as {@link #train} runs it, stopped (as Ctrl-C would) once the console shows
     * {@code line}, leaving its resume point behind.
     *
     * @param line the text to wait for
     * @param dir the output folder
     * @param more further {@code -D} arguments
     */
    public static void trainStoppedAfter(String line, Path dir, String... more) {
        List<String> args = new ArrayList<>(List.of(CliTestSupport.synthetic(dir.toString(), "train",
                "-Dseqaug.train.stage1.epochs=1", "-Dseqaug.train.stage2.epochs=0")));
        args.addAll(List.of(more));
        CliTestSupport.trainStoppedAfter(line, args.toArray(String[]::new));
    }
}
