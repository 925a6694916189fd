package io.seqaug.runtime.compare;

import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.report.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sbatch scripts that run a grid as two Slurm job arrays: one array task per stage-1 job, then,
 * once all of those have succeeded, one array task per cell. Each task runs {@code seqaug compare
 * --job env}, which reads its job from {@code SLURM_ARRAY_TASK_ID} and claims it like any worker, so
 * a resubmitted array, or a worker started by hand, never runs a job twice. The array indices are
 * the plan's job indices ({@code seqaug plan}).
 *
 * @param stage1 the stage-1 array script, or {@code null} for a grid without a shared stage 1
 *     ({@code grid.from-stage1 = false}), whose cells are one array with no dependency
 * @param cells the cells' array script
 * @param submit the shell line that submits both, cells after stage 1 (or the cells alone)
 */
public record SlurmScripts(Path stage1, Path cells, String submit) {

    /**
     * What the scripts ask Slurm for; empty values are left to the cluster's defaults.
     *
     * @param partition {@code --partition}
     * @param time {@code --time}, for example {@code 12:00:00}
     * @param cpus {@code --cpus-per-task}, also the engine's thread count
     * @param mem {@code --mem}, for example {@code 16G}
     * @param maxParallel at most this many tasks of one array at once ({@code %K}), or 0 for no limit
     */
    public record Resources(Optional<String> partition, Optional<String> time, int cpus, Optional<String> mem,
            int maxParallel) {}

    /**
     * Writes both scripts into {@code slurm/} in the grid folder.
     *
     * @param plan the grid's plan
     * @param launcher the {@code seqaug} launcher the tasks run
     * @param gridFile the grid file
     * @param overrides the {@code -D} overrides given with it
     * @param workDir the folder the tasks run in (relative paths in the grid resolve against it)
     * @param resources what to ask Slurm for
     * @param environment variables to pin in the scripts (for example {@code SEQAUG_DATA_DIR}), when set
     * @return the scripts and the submit line
     */
    public static SlurmScripts write(GridPlan plan, Path launcher, Path gridFile, Map<String, String> overrides,
            Path workDir, Resources resources, Map<String, String> environment) {
        if (resources.cpus() < 1) {
            throw new ConfigError("--cpus must be at least 1, got " + resources.cpus());
        }
        if (resources.maxParallel() < 0) {
            throw new ConfigError("--max-parallel must be 0 (no limit) or more, got " + resources.maxParallel());
        }
        for (Optional<String> value : List.of(resources.partition(), resources.time(), resources.mem())) {
            if (value.isPresent() && !value.get().matches("[A-Za-z0-9_.:,+-]+")) {
                throw new ConfigError("Slurm option value '" + value.get() + "' has characters sbatch does not take");
            }
        }
        Path dir = plan.directory().toAbsolutePath().resolve("slurm");
        List<Integer> stage1Jobs = new ArrayList<>();
        List<Integer> cellJobs = new ArrayList<>();
        for (GridPlan.Job job : plan.jobs()) {
            (job.stage1() ? stage1Jobs : cellJobs).add(job.index());
        }
        Path stage1 = dir.resolve("stage1.sbatch");
        Path cells = dir.resolve("cells.sbatch");
        try {
            Files.createDirectories(dir.resolve("logs"));
            if (stage1Jobs.isEmpty()) {
                // one-stage cells only: an array with no index list would be refused by sbatch
                Files.deleteIfExists(stage1);
            } else {
                writeScript(stage1, script(plan, "stage1", stage1Jobs, launcher, gridFile, overrides, workDir, resources,
                        environment));
            }
            writeScript(cells, script(plan, "cells", cellJobs, launcher, gridFile, overrides, workDir, resources,
                    environment));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Slurm scripts in " + dir + ": " + e.getMessage(), e);
        }
        if (stage1Jobs.isEmpty()) {
            return new SlurmScripts(null, cells, "sbatch " + quote(cells.toString()));
        }
        String submit = "jid=$(sbatch --parsable " + quote(stage1.toString()) + ") && sbatch --dependency=afterok:${jid%%;*} "
                + quote(cells.toString());
        return new SlurmScripts(stage1, cells, submit);
    }

    static String script(GridPlan plan, String part, List<Integer> jobs, Path launcher, Path gridFile,
            Map<String, String> overrides, Path workDir, Resources resources, Map<String, String> environment) {
        String name = plan.grid().name();
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/bash\n");
        s.append("#SBATCH --job-name=seqaug-").append(name).append('-').append(part).append('\n');
        s.append("#SBATCH --array=").append(ranges(jobs))
                .append(resources.maxParallel() > 0 ? "%" + resources.maxParallel() : "").append('\n');
        s.append("#SBATCH --cpus-per-task=").append(resources.cpus()).append('\n');
        resources.mem().ifPresent(m -> s.append("#SBATCH --mem=").append(m).append('\n'));
        resources.time().ifPresent(t -> s.append("#SBATCH --time=").append(t).append('\n'));
        resources.partition().ifPresent(p -> s.append("#SBATCH --partition=").append(p).append('\n'));
        s.append("#SBATCH --chdir=").append(directive(workDir.toAbsolutePath().toString())).append('\n');
        // In --output, % starts a pattern: a % of the folder's name is written %%.
        s.append("#SBATCH --output=").append(directive(plan.directory().toAbsolutePath().resolve("slurm/logs").toString()
                .replace("%", "%%") + "/%x-%A_%a.out")).append('\n');
        s.append("# Grid '").append(name).append("': ")
                .append(part.equals("stage1") ? "one task per stage-1 job" : "one task per cell, after every stage-1 job")
                .append(".\n# The array index is the job's index in `seqaug plan`; each task claims its job in the grid\n")
                .append("# folder, so resubmitting, or running workers by hand, never runs a job twice.\n");
        s.append("set -euo pipefail\n");
        s.append("export OMP_NUM_THREADS=\"${SLURM_CPUS_PER_TASK:-").append(resources.cpus()).append("}\"\n");
        for (Map.Entry<String, String> e : environment.entrySet()) {
            s.append("export ").append(e.getKey()).append('=').append(quote(e.getValue())).append('\n');
        }
        s.append("exec ").append(quote(launcher.toAbsolutePath().toString())).append(" compare -c ")
                .append(quote(gridFile.toAbsolutePath().toString()));
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            s.append(' ').append(quote("-D" + e.getKey() + "=" + e.getValue()));
        }
        s.append(" --job env\n");
        return s.toString();
    }

    /**
     * Job indices as Slurm's array syntax, runs of consecutive indices joined: {@code 0,3,6} or
     * {@code 1-2,4-5}.
     *
     * @param indices ascending indices, at least one
     * @return the array specification
     */
    static String ranges(List<Integer> indices) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < indices.size()) {
            int j = i;
            while (j + 1 < indices.size() && indices.get(j + 1) == indices.get(j) + 1) {
                j++;
            }
            parts.add(i == j ? Integer.toString(indices.get(i)) : indices.get(i) + "-" + indices.get(j));
            i = j + 1;
        }
        return parts.stream().collect(Collectors.joining(","));
    }

    /**
     * A value of an {@code #SBATCH} line as sbatch reads it: plain when it is a simple word, else in
     * double quotes with {@code "} and {@code \\} escaped by a backslash (sbatch's own rule; a shell's
     * single quotes mean nothing there, and an unquoted space, {@code #} or quote ends or breaks the
     * directive).
     *
     * @param text the value
     * @return the value as written after {@code =}
     */
    static String directive(String text) {
        return text.matches("[A-Za-z0-9_./=:@%+-]+") ? text : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String quote(String text) {
        return text.matches("[A-Za-z0-9_./=:@%+-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    private static void writeScript(Path file, String text) throws IOException {
        AtomicFiles.writeString(file, text);
        try {
            var permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
            Files.setPosixFilePermissions(file, permissions);
        } catch (UnsupportedOperationException e) {
            // sbatch reads the script; the execute bit is a convenience only.
        }
    }
}
