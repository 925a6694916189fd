package io.seqaug.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The engine's native libraries go beside SeqAug's other caches unless the user placed them. */
class EngineCacheTest {

    @TempDir
    Path dir;

    @Test
    void theEngineUnpacksIntoTheDataCacheUnlessItsOwnSettingIsGiven() {
        String before = System.getProperty(Bootstrap.ENGINE_CACHE);
        try {
            System.clearProperty(Bootstrap.ENGINE_CACHE);
            if (System.getenv(Bootstrap.ENGINE_CACHE) == null && System.getenv("DJL_CACHE_DIR") == null
                    && System.getProperty("DJL_CACHE_DIR") == null) {
                Bootstrap.placeEngineCache(dir.resolve("cache"));
                assertThat(System.getProperty(Bootstrap.ENGINE_CACHE)).isEqualTo(dir.resolve("cache").resolve("engine").toString());
            }
            System.setProperty(Bootstrap.ENGINE_CACHE, "/somewhere/else");
            Bootstrap.placeEngineCache(dir.resolve("cache"));
            assertThat(System.getProperty(Bootstrap.ENGINE_CACHE)).isEqualTo("/somewhere/else");
        } finally {
            if (before == null) {
                System.clearProperty(Bootstrap.ENGINE_CACHE);
            } else {
                System.setProperty(Bootstrap.ENGINE_CACHE, before);
            }
        }
    }
}
