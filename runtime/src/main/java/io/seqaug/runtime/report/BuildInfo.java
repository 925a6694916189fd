package io.seqaug.runtime.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Facts about the code that produced a result, for results files. */
public final class BuildInfo {

    private BuildInfo() {}

    /**
     * The git commit of the code: the {@code io.seqaug.commit} system property (the launcher sets
     * it; it is kept out of the {@code seqaug} tree so that it never enters a saved configuration)
     * from the checkout it runs), else the working directory's commit, with {@code -dirty} when it
     * has uncommitted changes.
     *
     * @return the commit, or {@code unknown} outside a git checkout
     */
    public static String commit() {
        String fromLauncher = System.getProperty("io.seqaug.commit", "");
        if (!fromLauncher.isBlank()) {
            return fromLauncher;
        }
        String head = git("rev-parse", "HEAD");
        if (head.isEmpty()) {
            return "unknown";
        }
        return git("status", "--porcelain", "--untracked-files=no").isEmpty() ? head : head + "-dirty";
    }

    private static String git(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "";
            }
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
