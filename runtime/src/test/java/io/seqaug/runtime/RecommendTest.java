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
        assertThat(missing.err()).contains("--users: no user '99999' in synthetic");
    }

    @Test
    void aLogsOwnIdsGoInAndComeOut() throws IOException {
        // a RecBole atomic file whose tokens are not numbers; one item token holds a comma
        String[] items = {"shoe", "sock", "hat", "scarf,wool", "glove", "boot", "belt", "cap", "coat", "tie", "bag", "vest"};
        StringBuilder text = new StringBuilder("user_id:token\titem_id:token\ttimestamp:float\n");
        for (int u = 0; u < 40; u++) {
            for (int t = 0; t < 5; t++) {
                text.append("user-").append(u).append('\t').append(items[(u + t) % items.length]).append('\t')
                        .append(t).append('\n');
            }
        }
        Path data = Files.writeString(dir.resolve("shop.inter"), text);
        CliTestSupport.Run train = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "train",
                "-Dseqaug.data.path=" + data, "-Dseqaug.train.stage1.epochs=1", "-Dseqaug.train.stage2.epochs=0",
                "-Dseqaug.run-name=shop"));
        assertThat(train.code()).as(train.err()).isZero();
        String model = dir.resolve("shop/best.ckpt").toString();
        // user-7 has seen items 7-11, user-2 items 2-6: k = 7 lists every item each has not seen
        CliTestSupport.Run run = CliTestSupport.run("recommend", "--checkpoint", model, "--k", "7",
                "--users", "user-7,user-2", "--history", "all");
        assertThat(run.code()).as(run.err()).isZero();
        List<String[]> rows = run.out().lines().skip(1).map(RecommendTest::csvRow).toList();
        assertThat(rows).hasSize(14);
        assertThat(rows.subList(0, 7)).allMatch(r -> r[0].equals("user-7"));
        assertThat(rows.subList(7, 14)).allMatch(r -> r[0].equals("user-2"));
        assertThat(rows.subList(0, 7).stream().map(r -> r[2]))
                .containsExactlyInAnyOrder("shoe", "sock", "hat", "scarf,wool", "glove", "boot", "belt");
        assertThat(rows.subList(7, 14).stream().map(r -> r[2]))
                .containsExactlyInAnyOrder("shoe", "sock", "cap", "coat", "tie", "bag", "vest");
        CliTestSupport.Run unknown = CliTestSupport.run("recommend", "--checkpoint", model, "--users", "user-99");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("--users: no user 'user-99' in shop.inter");
    }

    /** One line of recommend's CSV: user, rank, item, score, with CSV's quotes undone. */
    private static String[] csvRow(String line) {
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        assertThat(fields).as(line).hasSize(4);
        return fields.toArray(String[]::new);
    }
}
