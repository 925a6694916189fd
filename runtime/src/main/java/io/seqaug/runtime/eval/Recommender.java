package io.seqaug.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.seqaug.api.Backbone;
import io.seqaug.datasets.EvaluationCase;
import io.seqaug.datasets.LeaveOneOutSplit;
import io.seqaug.runtime.report.Csv;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The top-K items of each user, ranked as {@link FullRankingEvaluator} ranks them: every real item
 * is a candidate scored by the model's last-position output, the padding and reserved ids never
 * rank, and the user's seen items are excluded (or, with {@code zeroSeen}, scored 0, as the authors'
 * evaluation does). Higher scores rank first; equal scores rank by lower item id. The evaluator counts
 * every item that scores at least the answer, so a held-out item in the list sits at its evaluation
 * rank unless it ties another item's score.
 *
 * <p>Users are encoded and scored a block at a time and each block's lines are written before the next
 * is scored, so memory is bounded by one block's scores whatever the number of users.
 */
public final class Recommender {

    private final int k;
    private final boolean zeroSeen;
    private final int blockUsers;

    /**
     * Creates a recommender.
     *
     * @param k items per user, at least 1
     * @param zeroSeen score seen items 0 instead of excluding them
     * @param blockUsers users encoded and scored at once, at least 1
     */
    public Recommender(int k, boolean zeroSeen, int blockUsers) {
        if (k < 1 || blockUsers < 1) {
            throw new IllegalArgumentException("k and blockUsers must be >= 1");
        }
        this.k = k;
        this.zeroSeen = zeroSeen;
        this.blockUsers = blockUsers;
    }

    /**
     * Writes {@code user,rank,item,score} lines (rank from 1), a header first; ids holding a comma, a
     * quote or a line break are quoted as CSV quotes them.
     *
     * @param backbone the model
     * @param cases one question per user: the input to recommend after and the items it has seen
     * @param userLabel the id printed for a case's user (given {@link EvaluationCase#user()})
     * @param itemLabel the id printed for an item id
     * @param parent the manager under which each block's arrays are made and freed
     * @param out where the lines go
     * @throws IOException when writing fails
     */
    public void write(Backbone backbone, List<EvaluationCase> cases, IntFunction<String> userLabel,
            IntFunction<String> itemLabel, NDManager parent, Writer out) throws IOException {
        out.write("user,rank,item,score\n");
        int maxLength = backbone.dims().maxLength();
        for (int from = 0; from < cases.size(); from += blockUsers) {
            List<EvaluationCase> block = cases.subList(from, Math.min(cases.size(), from + blockUsers));
            int length = maxLength;
            if (backbone.paddingInvariant()) {
                length = 1;
                for (EvaluationCase c : block) {
                    length = Math.max(length, Math.min(maxLength, c.input().length));
                }
            }
            int[] ids = new int[block.size() * length];
            for (int i = 0; i < block.size(); i++) {
                LeaveOneOutSplit.leftPadInto(block.get(i).input(), ids, i, length);
            }
            float[] scores;
            int rows;
            try (NDManager m = parent.newSubManager()) {
                NDArray all = backbone.scoreAll(backbone.encodeLast(m.create(ids, new Shape(block.size(), length))));
                rows = (int) all.getShape().get(1);
                scores = all.toFloatArray();
            }
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < block.size(); i++) {
                EvaluationCase c = block.get(i);
                int[] top = top(scores, i * rows, backbone.dims().itemCount(), c.seen());
                for (int r = 0; r < top.length; r++) {
                    int item = top[r];
                    float score = zeroSeen && contains(c.seen(), item) ? 0f : scores[i * rows + item];
                    lines.append(Csv.field(userLabel.apply(c.user()))).append(',').append(r + 1).append(',')
                            .append(Csv.field(itemLabel.apply(item))).append(',')
                            .append(String.format(Locale.ROOT, "%.6g", score)).append('\n');
                }
            }
            out.write(lines.toString());
        }
    }

    /** The best {@code k} real items of one user's scores, best first. */
    private int[] top(float[] scores, int offset, int itemCount, int[] seen) {
        boolean[] excluded = new boolean[itemCount + 1];
        boolean[] zeroed = new boolean[itemCount + 1];
        for (int s : seen) {
            if (s >= 1 && s <= itemCount) {
                (zeroSeen ? zeroed : excluded)[s] = true;
            }
        }
        int want = Math.min(k, itemCount);
        int[] best = new int[want];
        float[] bestScore = new float[want];
        int size = 0;
        for (int item = 1; item <= itemCount; item++) {
            if (excluded[item]) {
                continue;
            }
            float score = zeroed[item] ? 0f : scores[offset + item];
            if (Float.isNaN(score)) {
                score = Float.NEGATIVE_INFINITY;
            }
            // insertion into the sorted top list: higher score first, lower id first on ties (ids ascend)
            if (size == want && !(score > bestScore[size - 1])) {
                continue;
            }
            int at = size == want ? size - 1 : size++;
            while (at > 0 && score > bestScore[at - 1]) {
                best[at] = best[at - 1];
                bestScore[at] = bestScore[at - 1];
                at--;
            }
            best[at] = item;
            bestScore[at] = score;
        }
        return size == want ? best : java.util.Arrays.copyOf(best, size);
    }

    private static boolean contains(int[] values, int wanted) {
        for (int v : values) {
            if (v == wanted) {
                return true;
            }
        }
        return false;
    }
}
