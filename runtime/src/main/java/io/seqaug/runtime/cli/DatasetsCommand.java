package io.seqaug.runtime.cli;

import io.seqaug.datasets.DatasetRegistry;
import io.seqaug.datasets.DatasetStats;
import io.seqaug.datasets.PublicDataset;
import io.seqaug.datasets.SequenceDataset;
import io.seqaug.runtime.experiment.DataLoading;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code seqaug datasets}: list, fetch and describe datasets. */
@Command(name = "datasets", mixinStandardHelpOptions = true, description = "List, fetch and describe datasets.",
        subcommands = {DatasetsCommand.ListDatasets.class, DatasetsCommand.Fetch.class, DatasetsCommand.Stats.class,
            picocli.CommandLine.HelpCommand.class})
final class DatasetsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The public datasets SeqAug can fetch by name.")
    static final class ListDatasets implements Callable<Integer> {
        @Override
        public Integer call() {
            for (PublicDataset d : new DatasetRegistry().all()) {
                System.out.printf("%-8s %-26s %s%n         %s%s%n", d.name(), d.fileName(), d.description(), d.url(),
                        d.sha256().map(s -> "  sha256 " + s).orElse("  (checksum recorded on first download)"));
            }
            return 0;
        }
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Make a dataset available locally (data folder, cache or download) and verify its checksum.")
    static final class Fetch implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "A registered dataset name.")
        String name;

        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() {
            Bootstrap runtime = options.start();
            Path file = DataLoading.resolver(runtime.settings(), true).resolve(new DatasetRegistry().get(name).name());
            System.out.println(name + ": " + file);
            return 0;
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Users, items, interactions and sequence lengths of a dataset.")
    static final class Stats implements Callable<Integer> {
        @Parameters(paramLabel = "NAME|PATH", description = "A registered dataset name, 'synthetic', or a file.")
        String dataset;

        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() {
            long started = System.nanoTime();
            options.overrides.put("seqaug.data.dataset", dataset);
            Bootstrap runtime = options.start();
            SequenceDataset data = DataLoading.load(runtime.settings(), true);
            DatasetStats s = DatasetStats.of(data);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "dataset       %s%n", data.name());
            System.out.printf(Locale.ROOT, "users         %,d%n", s.users());
            System.out.printf(Locale.ROOT, "items         %,d (%,d occur)%n", s.items(), s.distinctItems());
            System.out.printf(Locale.ROOT, "interactions  %,d%n", s.interactions());
            System.out.printf(Locale.ROOT, "length        mean %.2f, median %d, p90 %d, p99 %d, max %d%n", s.meanLength(),
                    s.p50(), s.p90(), s.p99(), s.maxLength());
            System.out.printf(Locale.ROOT, "density       %.5f%%%n", 100 * s.density());
            System.out.printf(Locale.ROOT, "time          %.2f s%n", seconds);
            return 0;
        }
    }
}
