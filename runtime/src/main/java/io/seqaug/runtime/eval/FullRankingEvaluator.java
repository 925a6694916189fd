package io.seqaug.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.seqaug.api.Backbone;
import io.seqaug.datasets.EvaluationCase;
import io.seqaug.datasets.LeaveOneOutSplit;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.config.Settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Full-ranking evaluation of the published protocol: the last position's output is scored against
 * every item, the user's already-seen items, the padding id and reserved ids are excluded (or, as
 * in the authors' code, seen items get the score 0), and the answer's rank gives HR@K and NDCG@K.
 *
 * <p>The rank is the number of other candidates scoring at least as high as the answer, so ties
 * count against the model and a constant model scores nothing. Users are encoded in chunks of
 * similar input lengths (up to 4,096 users or 65,536 padded positions), and scored in blocks sized
 * from the catalog, so large catalogs fit a fixed memory budget; only one rank per user leaves the
 * engine.
 */
public final class FullRankingEvaluator {

    /**
     * Users whose scores are made and counted together, at most: about 12 MB of scores on Beauty,
     * still in cache when they are compared and counted. The memory budget can make blocks smaller.
     */
    private static final int MAX_BLOCK_USERS = 256;

    /**
     * Input positions (users x padded length) encoded together, at most. Encoding is dominated by the
     * engine's per-operation overhead on short inputs, so it runs on as many users at a time as this
     * allows, independently of the catalog size.
     */
    private static final int ENCODE_POSITIONS = 1 << 16;

    /** Users encoded together, at most, however short their inputs. */
    private static final int MAX_ENCODE_USERS = 4096;

    private final long chunkBytes;
    private final int encodePositions;

    private final boolean zeroSeen;

    /**
     * Creates an evaluator that excludes seen items.
     *
     * @param chunkBytes the memory budget for one block of scores
     */
    public FullRankingEvaluator(long chunkBytes) {
        this(chunkBytes, false);
    }

    /**
     * Creates an evaluator.
     *
     * @param chunkBytes the memory budget for one block of scores
     * @param zeroSeen give the user's seen items the score 0, as the authors' code does, instead of
     *     excluding them; they then still outrank every item with a negative score
     */
    public FullRankingEvaluator(long chunkBytes, boolean zeroSeen) {
        this(chunkBytes, zeroSeen, ENCODE_POSITIONS);
    }

    /**
     * Creates an evaluator with its own encoding budget.
     *
     * @param chunkBytes the memory budget for one block of scores
     * @param zeroSeen give seen items the score 0 instead of excluding them
     * @param encodePositions padded input positions (users x length) encoded together, at most;
     *     a chunk always holds at least one user
     */
    public FullRankingEvaluator(long chunkBytes, boolean zeroSeen, int encodePositions) {
        if (encodePositions < 1) {
            throw new IllegalArgumentException("encodePositions must be at least 1, got " + encodePositions);
        }
        this.chunkBytes = chunkBytes;
        this.zeroSeen = zeroSeen;
        this.encodePositions = encodePositions;
    }

    /**
     * Creates the evaluator that {@code seqaug.eval.*} asks for: the one place that reads and checks
     * those settings.
     *
     * @param settings the settings
     * @return the evaluator
     * @throws ConfigError on a chunk budget under 1 MiB or an unknown {@code seen-items}
     */
    public static FullRankingEvaluator from(Settings settings) {
        long chunkBytes = settings.longValue("eval.chunk-bytes");
        if (chunkBytes < 1 << 20) {
            throw new ConfigError("seqaug.eval.chunk-bytes must be at least 1 MiB, got " + chunkBytes);
        }
        return new FullRankingEvaluator(chunkBytes,
                settings.oneOf("eval.seen-items", "exclude", "zero-score").equals("zero-score"));
    }

    /**
     * How many users' scores are made and counted together for a table of a given size: the memory
     * budget {@code chunkBytes} divided by one user's score row, at most 256.
     *
     * @param tableRows rows of the item table
     * @return users per score block, between 1 and 256
     */
    public int usersPerScoreBlock(long tableRows) {
        return (int) Math.max(1, Math.min(MAX_BLOCK_USERS, chunkBytes / (4L * tableRows)));
    }

    /**
     * How many users are encoded together when their inputs are padded to a given length.
     *
     * @param length the padded length
     * @return users per encoding chunk, between 1 and 4096
     */
    public int usersPerEncoding(int length) {
        return Math.max(1, Math.min(MAX_ENCODE_USERS, encodePositions / Math.max(1, length)));
    }

    /**
     * Evaluates.
     *
     * @param backbone the model (run without dropout)
     * @param cases the questions, one per user
     * @param parent the manager under which each chunk's arrays are made and freed
     * @return the metrics over all cases
     */
    public Metrics evaluate(Backbone backbone, List<EvaluationCase> cases, NDManager parent) {
        return Metrics.fromRanks(ranks(backbone, cases, parent));
    }

    /**
     * The 0-based rank of every case's answer.
     *
     * @param backbone the model
     * @param cases the questions
     * @param parent the parent manager
     * @return one rank per case; a masked answer ranks last
     */
    public long[] ranks(Backbone backbone, List<EvaluationCase> cases, NDManager parent) {
        int rows = backbone.dims().tableRows();
        int maxLength = backbone.dims().maxLength();
        long[] ranks = new long[cases.size()];
        // Chunks of users with similar input lengths need little padding: most users have short
        // histories, and a causal encoder's cost grows with the padded length.
        Integer[] order = new Integer[cases.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        boolean trimmed = backbone.paddingInvariant();
        if (trimmed) {
            Arrays.sort(order, Comparator.comparingInt(i -> cases.get(i).input().length));
        }
        int start = 0;
        while (start < cases.size()) {
            // The chunk grows while its padded size (users x its longest input) stays in budget;
            // with sorted users its longest input is its last one.
            int end = start + 1;
            while (end < cases.size() && end - start + 1 <= usersPerEncoding(paddedLength(cases.get(order[end]), trimmed, maxLength))) {
                end++;
            }
            List<EvaluationCase> part = new ArrayList<>(end - start);
            int length = 1;
            for (int i = start; i < end; i++) {
                part.add(cases.get(order[i]));
                length = Math.max(length, paddedLength(cases.get(order[i]), trimmed, maxLength));
            }
            long[] counts = countChunk(backbone, part, length, parent);
            for (int i = 0; i < counts.length; i++) {
                ranks[order[start + i]] = rank(counts[i], rows);
            }
            start = end;
        }
        return ranks;
    }

    /**
     * The 0-based rank of every case's answer under given last-position outputs, with the same
     * candidates, exclusions and tie rule as {@link #ranks}: for callers that make the outputs
     * themselves (for example from augmented inputs).
     *
     * @param backbone the model, whose item table scores the outputs
     * @param outputs {@code [cases, H]}, row i the output for case i
     * @param cases the questions, one per row
     * @param parent the parent manager
     * @return one rank per case; a masked answer ranks last
     * @throws IllegalArgumentException when the rows and the cases differ in number
     */
    public long[] ranksOfOutputs(Backbone backbone, NDArray outputs, List<EvaluationCase> cases, NDManager parent) {
        if (outputs.getShape().dimension() != 2 || outputs.getShape().get(0) != cases.size()) {
            throw new IllegalArgumentException("outputs must be [" + cases.size() + ", H], got " + outputs.getShape());
        }
        int rows = backbone.dims().tableRows();
        long[] ranks = new long[cases.size()];
        try (NDManager m = parent.newSubManager()) {
            long[] counts = countOutputs(backbone, outputs, cases, m);
            for (int i = 0; i < counts.length; i++) {
                ranks[i] = rank(counts[i], rows);
            }
        }
        return ranks;
    }

    /**
     * The answer itself is among the items scoring at least its score; a NaN score compares false
     * everywhere, so its count is 0 and it ranks last (a miss).
     */
    private static long rank(long count, int rows) {
        return count <= 0 ? rows : count - 1;
    }

    private static int paddedLength(EvaluationCase c, boolean trimmed, int maxLength) {
        return trimmed ? Math.min(c.input().length, maxLength) : maxLength;
    }

    /**
     * Encodes one chunk of users padded to {@code length} and counts, per user, the candidates
     * scoring at least the answer, a block of users at a time.
     */
    private long[] countChunk(Backbone backbone, List<EvaluationCase> part, int length, NDManager parent) {
        int n = part.size();
        int[] inputs = new int[n * length];
        for (int i = 0; i < n; i++) {
            LeaveOneOutSplit.leftPadInto(part.get(i).input(), inputs, i, length);
        }
        try (NDManager m = parent.newSubManager()) {
            return countOutputs(backbone, backbone.encodeLast(m.create(inputs, new Shape(n, length))), part, m);
        }
    }

    /**
     * Counts, per case, the candidates scoring at least the answer under the given last-position
     * outputs ({@code [cases, H]}), a block of cases at a time.
     */
    private long[] countOutputs(Backbone backbone, NDArray last, List<EvaluationCase> part, NDManager m) {
        int rows = backbone.dims().tableRows();
        int itemCount = backbone.dims().itemCount();
        int blockUsers = usersPerScoreBlock(rows);
        int n = part.size();
        int reserved = rows - itemCount; // the padding id and ids after the real items
        // Per user, the ids that never rank: the reserved ids, then the seen items, each once.
        List<long[]> excluded = new ArrayList<>(n);
        long[] answers = new long[n];
        boolean[] answerExcluded = new boolean[n];
        int maskWidth = 1;
        for (int i = 0; i < n; i++) {
            EvaluationCase c = part.get(i);
            answers[i] = c.answer();
            Set<Long> ids = new LinkedHashSet<>();
            ids.add(0L);
            for (int r = 1; r < reserved; r++) {
                ids.add((long) itemCount + r);
            }
            for (int seen : c.seen()) {
                ids.add((long) seen);
            }
            answerExcluded[i] = ids.contains(answers[i]);
            long[] row = ids.stream().mapToLong(Long::longValue).toArray();
            excluded.add(row);
            maskWidth = Math.max(maskWidth, row.length);
        }
        long[] masked = new long[n * maskWidth];
        float[] valid = new float[n * maskWidth];
        for (int i = 0; i < n; i++) {
            long[] row = excluded.get(i);
            System.arraycopy(row, 0, masked, i * maskWidth, row.length);
            Arrays.fill(valid, i * maskWidth, i * maskWidth + row.length, 1f);
            // Unused slots point at the padding id with validity 0.
        }
        long[] counts = new long[n];
        // Scores are made and counted a block of users at a time, so that each block's score
        // matrix is still in cache when it is compared and counted.
        for (int from = 0; from < n; from += blockUsers) {
            int to = Math.min(n, from + blockUsers);
            try (NDManager block = m.newSubManager()) {
                NDArray hidden = last.get(new NDIndex(from + ":" + to));
                hidden.attach(block);
                long[] answerIds = Arrays.copyOfRange(answers, from, to);
                long[] maskedIds = Arrays.copyOfRange(masked, from * maskWidth, to * maskWidth);
                float[] validFlags = Arrays.copyOfRange(valid, from * maskWidth, to * maskWidth);
                long[] blockCounts = zeroSeen
                        ? countZeroSeen(backbone.scoreAll(hidden), block, answerIds, maskedIds, validFlags, maskWidth, reserved)
                        : countExcluded(backbone.scoreAll(hidden), block, answerIds, maskedIds, validFlags, maskWidth);
                for (int i = from; i < to; i++) {
                    // An excluded answer ranks last, as it would with score -infinity.
                    counts[i] = !zeroSeen && answerExcluded[i] ? rows : blockCounts[i - from];
                }
            }
        }
        return counts;
    }

    /**
     * Items scoring at least the answer, minus the excluded ones among them: the same count as with
     * the excluded scores set to -infinity, without rewriting the score matrix. NaN scores compare
     * false everywhere, so their count is 0 (a miss).
     */
    private static long[] countExcluded(NDArray scores, NDManager m, long[] answers, long[] masked, float[] valid,
            int maskWidth) {
        int n = answers.length;
        NDArray answerScores = scores.gather(m.create(answers, new Shape(n, 1)), 1);
        long[] above = scores.gte(answerScores).countNonzero(1).toType(DataType.INT64, false).toLongArray();
        float[] excludedAbove = scores.gather(m.create(masked, new Shape(n, maskWidth)), 1).gte(answerScores)
                .toType(DataType.FLOAT32, false).mul(m.create(valid, new Shape(n, maskWidth))).sum(new int[] {1}).toFloatArray();
        long[] counts = new long[n];
        for (int i = 0; i < n; i++) {
            counts[i] = above[i] == 0 ? 0 : above[i] - Math.round(excludedAbove[i]);
        }
        return counts;
    }

    /** Seen items first get the score 0; the reserved ids (the first columns) are then excluded. */
    private static long[] countZeroSeen(NDArray scores, NDManager m, long[] answers, long[] masked, float[] valid,
            int maskWidth, int reserved) {
        int n = answers.length;
        NDArray maskIndex = m.create(masked, new Shape(n, maskWidth));
        NDArray seenIndex = maskIndex.mul(m.create(valid, new Shape(n, maskWidth)).toType(DataType.INT64, false));
        NDArray zeroed = scores.scatter(seenIndex, m.zeros(seenIndex.getShape(), DataType.FLOAT32), 1);
        NDArray reservedIndex = maskIndex.get(new NDIndex(":, 0:" + reserved));
        zeroed = zeroed.scatter(reservedIndex, m.full(reservedIndex.getShape(), Float.NEGATIVE_INFINITY, DataType.FLOAT32), 1);
        NDArray answerScores = zeroed.gather(m.create(answers, new Shape(n, 1)), 1);
        return zeroed.gte(answerScores).countNonzero(1).toType(DataType.INT64, false).toLongArray();
    }

    @Override
    public String toString() {
        return "FullRankingEvaluator[chunkBytes=" + chunkBytes + "]";
    }

}
