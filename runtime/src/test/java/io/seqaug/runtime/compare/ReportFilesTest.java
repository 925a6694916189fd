package io.seqaug.runtime.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqaug.runtime.report.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;

class ReportFilesTest {

    @TempDir
    Path dir;

    @Test
    void csvQuotesFieldsThatNeedIt() {
        assertThat(io.seqaug.runtime.report.Csv.field("beauty")).isEqualTo("beauty");
        assertThat(io.seqaug.runtime.report.Csv.field("/data/a,b.txt")).isEqualTo("\"/data/a,b.txt\"");
        assertThat(io.seqaug.runtime.report.Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        Map<String, Double> m = Map.of("HR@5", 0.1, "NDCG@5", 0.1, "HR@10", 0.1, "NDCG@10", 0.1, "HR@20", 0.1, "NDCG@20", 0.1);
        String csv = Reports.csv(List.of(new CellResult("/d/x,y.txt", "sasrec", "none", 1, m, 1.0, 2, List.of())));
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).startsWith("\"/d/x,y.txt\",sasrec,none,1,");
    }

    @Test
    void atomicallyWrittenFilesAreReadableByOthersLikeAnyNewFile() throws IOException {
        Path reference = Files.writeString(dir.resolve("plain.txt"), "x");
        Path written = dir.resolve("results.csv");
        AtomicFiles.writeString(written, "x");
        // Whatever the umask gives a new file, the result gets too (not the private 0600 of a temp file).
        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(Files.getPosixFilePermissions(reference));
        assertThat(Files.getPosixFilePermissions(written)).contains(PosixFilePermission.OWNER_READ);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("plain.txt", "results.csv");
        }
    }
}
