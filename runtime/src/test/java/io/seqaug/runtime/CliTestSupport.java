package io.seqaug.runtime;

import io.seqaug.runtime.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

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
