package io.seqaug.runtime.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Which memory allocator serves the engine's native tensors in this process. The launcher picks
 * one (see {@code bin/allocator.sh}); a process started some other way may have glibc's default,
 * whose fresh mapping of every large block makes training several times slower on some machines.
 */
public final class Allocator {

    private Allocator() {}

    /**
     * Describes the allocator in use.
     *
     * @return for example {@code tcmalloc}, {@code glibc malloc, tuned} or {@code glibc malloc (default)}
     */
    public static String describe() {
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            String loaded = maps.filter(l -> l.contains("libtcmalloc") || l.contains("libjemalloc") || l.contains("libmimalloc"))
                    .findFirst().orElse(null);
            if (loaded != null) {
                String lib = loaded.substring(loaded.lastIndexOf('/') + 1);
                return lib.startsWith("libtcmalloc") ? "tcmalloc" : lib.startsWith("libjemalloc") ? "jemalloc" : "mimalloc";
            }
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
        String tunables = System.getenv("GLIBC_TUNABLES");
        return tunables != null && tunables.contains("glibc.malloc.") ? "glibc malloc, tuned" : "glibc malloc (default)";
    }

    /**
     * Whether the allocator is glibc's untuned default, the slow case.
     *
     * @return true when no caching allocator and no malloc tuning is active
     */
    public static boolean isUntunedDefault() {
        return describe().equals("glibc malloc (default)");
    }
}
