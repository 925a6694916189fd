package io.seqaug.runtime.cli;

import io.seqaug.runtime.compare.SlurmScripts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code seqaug slurm}: sbatch scripts that run a grid as Slurm job arrays. */
@Command(name = "slurm", mixinStandardHelpOptions = true, description =
        "Write sbatch scripts that run a grid on a Slurm cluster: an array of stage-1 jobs, then an array "
        + "of cells that starts when they have all succeeded. Prints the command that submits both.")
final class SlurmCommand implements Callable<Integer> {

    /** Set by the launcher to its own path, so the scripts call the same installation. */
    static final String LAUNCHER_PROPERTY = "io.seqaug.launcher";

    @Mixin
    ConfigOptions options;

    @Option(names = "--partition", paramLabel = "P", description = "Slurm partition (default: the cluster's).")
    String partition;

    @Option(names = "--time", paramLabel = "T", description = "Time limit of each task, e.g. 12:00:00 (default: the partition's).")
    String time;

    @Option(names = "--cpus", paramLabel = "N", defaultValue = "2",
            description = "CPUs per task, also the engine's threads (default: ${DEFAULT-VALUE}).")
    int cpus;

    @Option(names = "--mem", paramLabel = "M", description = "Memory per task, e.g. 12G (default: the partition's).")
    String mem;

    @Option(names = "--max-parallel", paramLabel = "K", defaultValue = "0", description = "At most K tasks of an array at once (default: no limit).")
    int maxParallel;

    @Override
    public Integer call() {
        ConfigOptions.GridCommand grid = options.grid("slurm");
        Path launcher = Path.of(System.getProperty(LAUNCHER_PROPERTY, "seqaug"));
        Map<String, String> environment = new LinkedHashMap<>();
        for (String name : new String[] {"SEQAUG_DATA_DIR", "SEQAUG_ALLOCATOR", "JAVA_OPTS"}) {
            String value = System.getenv(name);
            if (value != null && !value.isEmpty()) {
                environment.put(name, value);
            }
        }
        SlurmScripts scripts = SlurmScripts.write(grid.plan(), launcher, options.config, options.overrides,
                Path.of("").toAbsolutePath(), new SlurmScripts.Resources(Optional.ofNullable(partition),
                        Optional.ofNullable(time), cpus, Optional.ofNullable(mem), maxParallel), environment);
        grid.plan().writeJson();
        System.out.println(scripts.stage1() == null ? "wrote " + scripts.cells() + " (one-stage cells, no shared stage 1)"
                : "wrote " + scripts.stage1() + " and " + scripts.cells());
        System.out.println("submit with:");
        System.out.println("  " + scripts.submit());
        System.out.println("then follow with: squeue --me; seqaug report -c " + options.config);
        return 0;
    }
}
