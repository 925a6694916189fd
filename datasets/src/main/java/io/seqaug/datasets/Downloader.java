package io.seqaug.datasets;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Downloads a file into a temporary file next to its destination, hashing as it goes, and moves it
 * into place only when the transfer is complete and the checksum matches. On any failure the
 * temporary file is deleted, so a cache never holds a partial or corrupt file.
 */
public final class Downloader {

    private final HttpClient client;
    private final boolean showProgress;

    /**
     * Creates a downloader.
     *
     * @param showProgress whether to draw a progress bar on the console
     */
    public Downloader(boolean showProgress) {
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        this.showProgress = showProgress;
    }

    /**
     * Downloads and verifies.
     *
     * @param url the source
     * @param destination the final path
     * @param expectedSha256 the expected digest; when empty, any content is accepted
     * @return the SHA-256 of what arrived
     * @throws DatasetException when the transfer fails or the digest differs
     */
    public String download(URI url, Path destination, Optional<String> expectedSha256) {
        Path temp = null;
        try {
            Files.createDirectories(destination.toAbsolutePath().getParent());
            temp = Files.createTempFile(destination.toAbsolutePath().getParent(),
                    destination.getFileName().toString(), ".part");
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(url)
                    .timeout(Duration.ofMinutes(10)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new DatasetException("download of " + url + " failed: HTTP " + response.statusCode());
            }
            long expectedLength = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            MessageDigest digest = Checksums.sha256();
            long received = copy(response.body(), temp, digest, expectedLength, destination.getFileName().toString());
            if (expectedLength >= 0 && received != expectedLength) {
                throw new DatasetException("download of " + url + " broke off: expected " + expectedLength
                        + " bytes, received " + received);
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (expectedSha256.isPresent() && !expectedSha256.get().equalsIgnoreCase(actual)) {
                throw new DatasetException("checksum mismatch for " + url + ": expected SHA-256 "
                        + expectedSha256.get() + ", received " + actual + " (" + received + " bytes); nothing was kept");
            }
            Files.move(temp, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            return actual;
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new DatasetException("download of " + url + " failed (" + reason + "); check the network, or put the"
                    + " file into the folder named by " + DatasetResolver.DATA_DIR_ENV, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetException("download of " + url + " was interrupted", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The original error matters more than a leftover temp file.
                }
            }
        }
    }

    private long copy(InputStream body, Path temp, MessageDigest digest, long expectedLength, String label)
            throws IOException {
        long received = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = body; OutputStream out = Files.newOutputStream(temp);
                ProgressBar bar = showProgress ? new ProgressBarBuilder().setTaskName(label)
                        .setInitialMax(Math.max(expectedLength, 0)).setUnit(" KiB", 1024)
                        .setStyle(ProgressBarStyle.ASCII).build() : null) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
                received += n;
                if (bar != null) {
                    bar.stepTo(received);
                }
            }
        }
        return received;
    }
}
