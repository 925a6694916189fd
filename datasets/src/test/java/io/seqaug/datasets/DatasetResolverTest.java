package io.seqaug.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

class DatasetResolverTest {

    private static final byte[] GOOD = "1 1 2 3\n2 2 3 4\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/good.txt", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, GOOD.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(GOOD);
            }
        });
        server.createContext("/corrupt.txt", exchange -> {
            byte[] body = "1 1 2 9\n".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/broken.txt", exchange -> {
            // Promises 1000 bytes, sends 10 and hangs up.
            exchange.sendResponseHeaders(200, 1000);
            OutputStream out = exchange.getResponseBody();
            out.write(GOOD, 0, 10);
            out.flush();
            exchange.close();
        });
        server.createContext("/missing.txt", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static String sha(byte[] bytes) {
        return HexFormat.of().formatHex(Checksums.sha256().digest(bytes));
    }

    @Test
    void downloadsVerifiesAndMovesIntoPlace() {
        Path target = dir.resolve("cache/good.txt");
        String digest = new Downloader(false).download(url("/good.txt"), target, Optional.of(sha(GOOD)));
        assertThat(digest).isEqualTo(sha(GOOD));
        assertThat(target).hasBinaryContent(GOOD);
        assertThat(dir.resolve("cache").toFile().list()).containsExactly("good.txt");
    }

    @Test
    void corruptDownloadIsDeletedAndBothDigestsAreNamed() {
        Path target = dir.resolve("cache/corrupt.txt");
        assertThatThrownBy(() -> new Downloader(false).download(url("/corrupt.txt"), target, Optional.of(sha(GOOD))))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("checksum mismatch")
                .hasMessageContaining("expected SHA-256 " + sha(GOOD))
                .hasMessageContaining("received " + sha("1 1 2 9\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat(dir.resolve("cache").toFile().list()).isEmpty();
    }

    @Test
    void brokenTransferAndHttpErrorsLeaveNothingBehind() {
        Path broken = dir.resolve("cache/broken.txt");
        assertThatThrownBy(() -> new Downloader(false).download(url("/broken.txt"), broken, Optional.empty()))
                .isInstanceOf(DatasetException.class).hasMessageContaining("download of " + url("/broken.txt"));
        assertThatThrownBy(() -> new Downloader(false).download(url("/missing.txt"), dir.resolve("cache/m.txt"),
                Optional.empty())).hasMessageContaining("HTTP 404");
        assertThat(dir.resolve("cache").toFile().list()).isEmpty();
    }

    @Test
    void resolutionOrderIsDataFolderThenCacheThenDownload() throws IOException {
        DatasetRegistry registry = new DatasetRegistry();
        PublicDataset beauty = registry.get("beauty");
        Path dataDir = Files.createDirectories(dir.resolve("data"));
        Path cacheDir = dir.resolve("cache");
        DatasetResolver resolver = new DatasetResolver(registry, Optional.of(dataDir), cacheDir, new Downloader(false));
        // A file with the wrong content in the data folder is refused, naming both digests.
        Files.write(dataDir.resolve(beauty.fileName()), GOOD);
        assertThatThrownBy(() -> resolver.resolve("beauty")).isInstanceOf(DatasetException.class)
                .hasMessageContaining("checksum mismatch for dataset 'beauty'")
                .hasMessageContaining(beauty.sha256().orElseThrow());
        // An explicit existing path is used as it is; an unknown name lists the known ones.
        Path own = Files.write(dir.resolve("own.txt"), GOOD);
        assertThat(resolver.resolve(own.toString())).isEqualTo(own);
        assertThatThrownBy(() -> resolver.resolve("nosuch")).hasMessageContaining("beauty, sports, yelp, home");
    }

    @Test
    void unpinnedDatasetRecordsItsFirstDigestAndVerifiesLaterUses() throws IOException {
        PublicDataset dataset = new PublicDataset("toy", "good.txt", url("/good.txt"), Optional.empty(), "toy");
        Path cacheDir = dir.resolve("cache");
        DatasetResolver resolver = new DatasetResolver(new DatasetRegistry(), Optional.empty(), cacheDir,
                new Downloader(false));
        Path file = resolver.fetch(dataset);
        assertThat(file).hasBinaryContent(GOOD);
        assertThat(cacheDir.resolve("good.txt.sha256")).hasContent(sha(GOOD));
        assertThat(resolver.fetch(dataset)).isEqualTo(file);
        assertThat(requests.get()).isEqualTo(1);
        Files.write(file, "tampered".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> resolver.fetch(dataset)).hasMessageContaining("checksum mismatch");
    }
}
