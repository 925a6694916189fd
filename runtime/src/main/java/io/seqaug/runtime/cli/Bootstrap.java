package io.seqaug.runtime.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.typesafe.config.Config;
import io.seqaug.runtime.config.ConfigLoader;
import io.seqaug.runtime.config.Settings;
import io.seqaug.runtime.plugins.PluginDiscovery;
import io.seqaug.runtime.plugins.ProvidersModule;

import java.nio.file.Path;
import java.util.Map;

/**
 * Start-up in the order the pieces depend on each other: a first look at the configuration for the
 * plugins folder, plugin discovery, then the full configuration validated against every
 * {@code reference.conf} (SeqAug's and the plugins'), and the Guice injector.
 *
 * @param settings the validated settings
 * @param discovery the discovered providers
 * @param injector the injector with the provider maps bound
 */
public record Bootstrap(Settings settings, PluginDiscovery discovery, Injector injector) {

    /**
     * Starts.
     *
     * @param configFile the experiment file, or {@code null}
     * @param overrides {@code -D} overrides
     * @return the started runtime
     */
    public static Bootstrap start(Path configFile, Map<String, String> overrides) {
        ConfigLoader builtIn = new ConfigLoader(Bootstrap.class.getClassLoader());
        // Plugins may declare settings, so the full validation waits until they are loaded; the
        // plugins folder itself is a built-in key.
        Config first = builtIn.loadLenient(configFile, overrides);
        PluginDiscovery discovery = PluginDiscovery.scan(Path.of(first.getString(ConfigLoader.ROOT + ".plugins-dir")));
        Config config = new ConfigLoader(discovery.classLoader()).load(configFile, overrides);
        Injector injector = Guice.createInjector(new ProvidersModule(discovery));
        return new Bootstrap(new Settings(config), discovery, injector);
    }
}
