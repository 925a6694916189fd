package io.seqaug.runtime.plugins;

import io.seqaug.api.Provider;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds every provider on the class path and in the jars of a plugins folder, with one class loader
 * over those jars whose parent is the application's, so plugins see the SeqAug API and DJL.
 */
public final class PluginDiscovery {

    private final ClassLoader classLoader;
    private final List<Path> jars;
    private final String folder;
    private final Map<ProviderKind<?>, Map<String, DiscoveredProvider<?>>> found = new LinkedHashMap<>();

    private PluginDiscovery(ClassLoader classLoader, List<Path> jars, String folder) {
        this.classLoader = classLoader;
        this.jars = jars;
        this.folder = folder;
    }

    /**
     * What the plugins folder held, for messages about a provider that was not found.
     *
     * @return for example {@code the plugins folder /x/plugins (seqaug.plugins-dir) does not exist}, or
     *     empty when no folder was given
     */
    public String folderNote() {
        return folder;
    }

    /**
     * Scans the class path and a plugins folder.
     *
     * @param pluginsDir the folder with plugin jars; a missing folder means no plugins
     * @return the discovered providers
     * @throws PluginError when a jar cannot be loaded or two providers share a name
     */
    public static PluginDiscovery scan(Path pluginsDir) {
        List<Path> jars = new ArrayList<>();
        String folder = "";
        if (pluginsDir != null && Files.isDirectory(pluginsDir)) {
            try (Stream<Path> files = Files.list(pluginsDir)) {
                // EXAMPLE.JAR is a jar too
                files.filter(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jar")
                        && Files.isRegularFile(f)).sorted().forEach(jars::add);
            } catch (IOException e) {
                throw new PluginError("cannot list plugins folder " + pluginsDir + ": " + e.getMessage(), e);
            }
            folder = "the plugins folder " + pluginsDir.toAbsolutePath() + " (seqaug.plugins-dir) holds "
                    + (jars.isEmpty() ? "no jar" : jars.size() + " jar(s)");
        } else if (pluginsDir != null) {
            folder = "the plugins folder " + pluginsDir.toAbsolutePath() + " (seqaug.plugins-dir) does not exist";
        }
        checkJars(jars);
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new PluginError("bad plugin path " + jars.get(i), e);
            }
        }
        ClassLoader parent = PluginDiscovery.class.getClassLoader();
        ClassLoader loader = urls.length == 0 ? parent : new URLClassLoader("seqaug-plugins", urls, parent);
        PluginDiscovery discovery = new PluginDiscovery(loader, List.copyOf(jars), folder);
        for (ProviderKind<?> kind : ProviderKind.ALL) {
            discovery.load(kind);
        }
        return discovery;
    }

    /**
     * Every jar must open, must declare at least one SeqAug provider, and no provider class may come
     * from two jars (a copied jar, or two versions of one plugin, would otherwise run silently with
     * whichever the class loader reads first).
     */
    static void checkJars(List<Path> jars) {
        Map<String, Path> owner = new LinkedHashMap<>();
        for (Path jar : jars) {
            List<String> providers = new ArrayList<>();
            try (JarFile file = new JarFile(jar.toFile())) {
                for (java.util.Enumeration<JarEntry> e = file.entries(); e.hasMoreElements();) {
                    JarEntry entry = e.nextElement();
                    String name = entry.getName();
                    if (name.startsWith("META-INF/services/io.seqaug.api.") && !entry.isDirectory()) {
                        String text = new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                        for (String line : text.split("\\R")) {
                            String cls = line.replaceFirst("#.*", "").strip();
                            if (!cls.isEmpty()) {
                                providers.add(cls);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new PluginError("plugin " + jar + " is not a readable jar (" + e.getMessage()
                        + "); remove or rebuild it", e);
            }
            if (providers.isEmpty()) {
                throw new PluginError("plugin " + jar + " declares no SeqAug provider (no META-INF/services/"
                        + "io.seqaug.api.*Provider file); remove it or add the service files", null);
            }
            for (String cls : providers) {
                Path first = owner.putIfAbsent(cls, jar);
                if (first != null && !first.equals(jar)) {
                    boolean same = sameBytes(first, jar);
                    throw new PluginError(same
                            ? "plugins " + first + " and " + jar + " are identical copies; remove " + jar
                            : "plugins " + first + " and " + jar + " both provide " + cls
                                    + " (two versions of one plugin?); keep one of them", null);
                }
            }
        }
    }

    private static boolean sameBytes(Path a, Path b) {
        try {
            return Files.mismatch(a, b) == -1;
        } catch (IOException e) {
            return false;
        }
    }

    private <T extends Provider> void load(ProviderKind<T> kind) {
        Map<String, DiscoveredProvider<?>> byName = new LinkedHashMap<>();
        try {
            for (T provider : ServiceLoader.load(kind.type(), classLoader)) {
                DiscoveredProvider<T> entry = new DiscoveredProvider<>(kind, provider, origin(provider.getClass()));
                DiscoveredProvider<?> previous = byName.putIfAbsent(provider.name(), entry);
                if (previous != null) {
                    throw new PluginError("two " + kind.label() + " providers are named '" + provider.name() + "': "
                            + previous.provider().getClass().getName() + " from " + previous.origin() + " and "
                            + provider.getClass().getName() + " from " + entry.origin(), null);
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new PluginError("cannot load a " + kind.label() + " provider (plugins: " + jars + "): "
                    + e.getMessage(), e);
        }
        found.put(kind, byName);
    }

    private static String origin(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "unknown";
        }
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (Exception e) {
            return source.getLocation().toString();
        }
    }

    /**
     * The class loader over the class path and the plugin jars.
     *
     * @return the loader
     */
    public ClassLoader classLoader() {
        return classLoader;
    }

    /**
     * The plugin jars that were scanned.
     *
     * @return the jar paths
     */
    public List<Path> jars() {
        return jars;
    }

    /**
     * The providers of one kind by name.
     *
     * @param kind the kind
     * @param <T> the SPI type
     * @return name to provider, in discovery order
     */
    @SuppressWarnings("unchecked")
    public <T extends Provider> Map<String, DiscoveredProvider<T>> providers(ProviderKind<T> kind) {
        Map<String, DiscoveredProvider<T>> result = new LinkedHashMap<>();
        found.getOrDefault(kind, Map.of()).forEach((name, p) -> result.put(name, (DiscoveredProvider<T>) p));
        return Collections.unmodifiableMap(result);
    }

    /**
     * Every discovered provider, grouped by kind.
     *
     * @return all providers
     */
    public List<DiscoveredProvider<?>> all() {
        List<DiscoveredProvider<?>> result = new ArrayList<>();
        found.values().forEach(m -> result.addAll(m.values()));
        return result;
    }
}
