package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqaug.runtime.eval.UserRanks;
import io.seqaug.runtime.experiment.RunFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code seqaug recommend} lists what evaluation ranks: the held-out item sits at its evaluation rank. */
class RecommendTest {

    @TempDir
    Path dir;
    private Path checkpoint;

    @BeforeEach
    void train() {
        CliTestSupport.Run run = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "train",
                "-Dseqaug.train.stage1.epochs=2", "-Dseqaug.train.stage2.epochs=0", "-Dseqaug.run-name=m"));
        assertThat(run.code()).as(run.err()).isZero();
        checkpoint = dir.resolve("m/best.ckpt");
    }

    @Test
    void theTestItemInTheListSitsAtItsEvaluationRank() throws IOException {
        Path out = dir.resolve("recs.csv");
        CliTestSupport.Run run = CliTestSupport.run("recommend", "--checkpoint", checkpoint.toString(), "--k", "15",
                "--out", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("user,rank,item,score");
        UserRanks ranks = UserRanks.read(dir.resolve("m/" + RunFolder.TEST_RANKS));
        assertThat(lines).hasSize(1 + 15 * ranks.users().length);
        // the synthetic users' ids are their index + 1; their test answers are their last items
        Map<Integer, Long> evaluated = new HashMap<>();
        for (int i = 0; i < ranks.users().length; i++) {
            evaluated.put(ranks.users()[i] + 1, ranks.ranks()[i]);
        }
        Map<Integer, Integer> listed = new HashMap<>();
        Map<Integer, Integer> answers = answers();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int user = Integer.parseInt(f[0]);
            if (Integer.parseInt(f[2]) == answers.get(user)) {
                listed.put(user, Integer.parseInt(f[1]) - 1);
            }
        }
        int inTop = 0;
        for (Map.Entry<Integer, Long> e : evaluated.entrySet()) {
            if (e.getValue() < 15) {
                assertThat(listed.get(e.getKey())).as("user %d", e.getKey()).isEqualTo(e.getValue().intValue());
                inTop++;
            } else {
                assertThat(listed).doesNotContainKey(e.getKey());
            }
        }
        assertThat(inTop).as("users whose answer is in the top 15").isPositive();
    }

    /** Each synthetic user's last item, read back from the run's own settings through {@code seqaug datasets}. */
    private Map<Integer, Integer> answers() {
        var data = io.seqaug.datasets.SyntheticDataset.generate(300, 60, 5, 20, 0.02, 42);
        Map<Integer, Integer> last = new HashMap<>();
        for (int u = 0; u < data.userCount(); u++) {
            int[] s = data.sequences()[u];
            last.put(data.userIds()[u], s[s.length - 1]);
        }
        return last;
    }

    @Test
    void chosenUsersComeInTheirOrderAndSeenItemsNeverRank() {
        CliTestSupport.Run run = CliTestSupport.run("recommend", "--checkpoint", checkpoint.toString(), "--k", "5",
                "--users", "7,3", "--history", "all");
        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(11);
        assertThat(lines.subList(1, 6)).allMatch(l -> l.startsWith("7,"));
        assertThat(lines.subList(6, 11)).allMatch(l -> l.startsWith("3,"));
        var data = io.seqaug.datasets.SyntheticDataset.generate(300, 60, 5, 20, 0.02, 42);
        int[] seen = data.sequences()[6];
        for (String line : lines.subList(1, 6)) {
            int item = Integer.parseInt(line.split(",")[2]);
            assertThat(seen).doesNotContain(item);
        }
    }

    @Test
    void anUnknownUserIsNamed() {
        CliTestSupport.Run run = CliTestSupport.run("recommend", "--checkpoint", checkpoint.toString(), "--users", "3,x");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--users: 'x' is not a user id");
        CliTestSupport.Run missing = CliTestSupport.run("recommend", "--checkpoint", checkpoint.toString(), "--users", "99999");
        assertThat(missing.err()).contains("--users: no user 99999 in synthetic");
    }
}
