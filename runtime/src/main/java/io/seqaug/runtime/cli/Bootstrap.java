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
        placeEngineCache(Path.of(config.getString(ConfigLoader.ROOT + ".data.cache-dir")));
        Injector injector = Guice.createInjector(new ProvidersModule(discovery));
        return new Bootstrap(new Settings(config), discovery, injector);
    }

    /** The system property (and environment variable) DJL reads for where it unpacks its native libraries. */
    public static final String ENGINE_CACHE = "ENGINE_CACHE_DIR";

    /**
     * The engine unpacks its native libraries (about 430 MB) on first use, into {@code ~/.djl.ai}
     * unless told otherwise; SeqAug keeps them beside its other caches, in
     * {@code <data.cache-dir>/engine}, unless {@value #ENGINE_CACHE} or {@code DJL_CACHE_DIR} is set.
     * Only the first start in a process decides: the engine is loaded once.
     *
     * @param cacheDir {@code seqaug.data.cache-dir}
     */
    static void placeEngineCache(Path cacheDir) {
        for (String name : new String[] {ENGINE_CACHE, "DJL_CACHE_DIR"}) {
            if (System.getProperty(name) != null || System.getenv(name) != null) {
                return;
            }
        }
        System.setProperty(ENGINE_CACHE, cacheDir.toAbsolutePath().resolve("engine").toString());
    }
}
