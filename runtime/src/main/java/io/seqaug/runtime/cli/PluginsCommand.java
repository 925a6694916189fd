package io.seqaug.runtime.cli;

import io.seqaug.runtime.plugins.DiscoveredProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code seqaug plugins}: every provider by kind, name and origin. */
@Command(name = "plugins", mixinStandardHelpOptions = true, description = "List every provider (built-in and from plugins/) by kind, name and jar.")
final class PluginsCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() {
        Bootstrap runtime = options.start();
        System.out.printf("%-15s %-15s %-40s %s%n", "KIND", "NAME", "FROM", "DESCRIPTION");
        java.util.Set<Path> pluginJars = new java.util.HashSet<>();
        runtime.discovery().jars().forEach(j -> pluginJars.add(j.toAbsolutePath().normalize()));
        for (DiscoveredProvider<?> p : runtime.discovery().all()) {
            // a provider not in a plugins-folder jar ships with SeqAug (the launcher runs a private copy of its jar)
            Path origin = Path.of(p.origin()).toAbsolutePath().normalize();
            String from = pluginJars.contains(origin) ? origin.getFileName().toString() : "built-in";
            System.out.printf("%-15s %-15s %-40s %s%n", p.kind().label(), p.provider().name(), from, p.provider().description());
        }
        if (!runtime.discovery().jars().isEmpty()) {
            System.out.println("plugin jars: " + runtime.discovery().jars());
        }
        return 0;
    }
}
