package io.seqaug.runtime;

import io.seqaug.runtime.cli.Bootstrap;
import io.seqaug.runtime.cli.Main;
import io.seqaug.runtime.experiment.Experiment;
import io.seqaug.runtime.experiment.RunResult;
import io.seqaug.runtime.train.StopSignal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Runs the CLI in-process and captures what it prints. */
final class CliTestSupport {

    /** The exit code and the two output streams of one run. */
    record Run(int code, String out, String err) {}

    private CliTestSupport() {}

    static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /**
     * Runs {@code train} in process and asks for a stop, as Ctrl-C or a scheduler would, as soon as
     * the console shows {@code line} (an epoch line, say), so the run stops after that epoch.
     *
     * @param line the text to wait for
     * @param trainArgs {@code train} and its {@code -D} arguments, as {@link #synthetic} makes them
     * @return the run's result
     */
    static RunResult trainStoppedAfter(String line, String... trainArgs) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 1; i < trainArgs.length; i++) {
            String[] kv = trainArgs[i].substring(2).split("=", 2);
            overrides.put(kv[0], kv[1]);
        }
        Bootstrap runtime = Bootstrap.start(null, overrides);
        StopSignal stop = new StopSignal();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(captured, true, StandardCharsets.UTF_8) {
            @Override
            public PrintStream printf(Locale locale, String format, Object... values) {
                PrintStream result = super.printf(locale, format, values);
                if (captured.toString(StandardCharsets.UTF_8).contains(line)) {
                    stop.request();
                }
                return result;
            }
        };
        return runtime.injector().getInstance(Experiment.class).run(runtime.settings(), stop, console);
    }

    /**
     * A command with the settings of a small synthetic experiment, then the given arguments, which
     * therefore win over those settings.
     */
    static String[] synthetic(String outputDir, String command, String... more) {
        String[] base = {"-Dseqaug.data.dataset=synthetic", "-Dseqaug.data.synthetic.users=300",
            "-Dseqaug.data.synthetic.items=60", "-Dseqaug.data.synthetic.noise=0.02", "-Dseqaug.model.hidden-size=32",
            "-Dseqaug.model.max-length=20", "-Dseqaug.train.batch-size=64", "-Dseqaug.train.learning-rate=0.005",
            "-Dseqaug.train.progress=false", "-Dseqaug.output-dir=" + outputDir, "-Dseqaug.plugins-dir=" + outputDir + "/none",
            "-Dseqaug.data.cache-dir=" + outputDir + "/cache"};
        String[] all = new String[1 + base.length + more.length];
        all[0] = command;
        System.arraycopy(base, 0, all, 1, base.length);
        System.arraycopy(more, 0, all, 1 + base.length, more.length);
        return all;
    }
}
