package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import com.typesafe.config.ConfigFactory;
import io.seqaug.api.Backbone;
import io.seqaug.api.ModelDims;
import io.seqaug.api.ProviderSettings;
import io.seqaug.backbones.SasRecProvider;
import io.seqaug.datasets.EvaluationCase;
import io.seqaug.datasets.LeaveOneOutSplit;
import io.seqaug.datasets.SequenceDataset;
import io.seqaug.datasets.SyntheticDataset;
import io.seqaug.runtime.eval.FullRankingEvaluator;
import io.seqaug.runtime.eval.Metrics;
import org.junit.jupiter.api.Test;

import java.util.List;

class FullRankingEvaluatorTest {

    /**
     * Every output is the one-dimensional vector [1], so the score of item i is its table value:
     * 30 - i for real items (item 1 best), with item 5 tied to item 4, and 100 for the reserved
     * mask id 31, which must never be ranked.
     */
    private static Backbone fixedScores(NDManager manager) {
        ModelDims dims = new ModelDims(30, 1, 1, 4);
        float[] table = new float[32];
        for (int i = 1; i <= 30; i++) {
            table[i] = 30 - i;
        }
        table[5] = table[4];
        table[0] = 1000;
        table[31] = 100;
        NDArray tableArray = manager.create(table, new Shape(32, 1));
        return new Backbone() {
            @Override
            public ModelDims dims() {
                return dims;
            }

            @Override
            public boolean causal() {
                return true;
            }

            @Override
            public void initialize(NDManager m) {}

            @Override
            public List<Parameter> parameters() {
                return List.of();
            }

            @Override
            public NDArray embed(NDArray itemIds) {
                return itemIds.onesLike().toType(DataType.FLOAT32, false).expandDims(-1);
            }

            @Override
            public NDArray encodeEmbedded(NDArray embeddings, NDArray itemIds, boolean training) {
                return embeddings.onesLike();
            }

            @Override
            public NDArray itemTable() {
                return tableArray;
            }
        };
    }

    @Test
    void zeroScoreGivesSeenItemsZeroInsteadOfExcludingThem() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Backbone backbone = fixedScores(manager);
            List<EvaluationCase> cases = List.of(
                    // item 30 scores 0; seen item 1 (29) is excluded, or scores 0 and ties with it
                    new EvaluationCase(0, new int[] {1}, 30, new int[] {1}),
                    // seen items 1 and 2 drop below item 3 (27) either way
                    new EvaluationCase(1, new int[] {1, 2}, 3, new int[] {1, 2}),
                    // a seen answer scores 0: every other item but the padding and mask ids is >= 0
                    new EvaluationCase(2, new int[] {9}, 9, new int[] {9}));
            long[] exclude = new FullRankingEvaluator(1 << 20, false).ranks(backbone, cases, manager);
            long[] zero = new FullRankingEvaluator(1 << 20, true).ranks(backbone, cases, manager);
            assertThat(exclude[0]).isEqualTo(28);
            assertThat(exclude[1]).isZero();
            assertThat(exclude[2]).isGreaterThanOrEqualTo(20);
            assertThat(zero).containsExactly(29, 0, 29);
            assertThatThrownBy(() -> FullRankingEvaluator.from(new io.seqaug.runtime.config.Settings(
                    com.typesafe.config.ConfigFactory.parseString("seqaug.eval { chunk-bytes = 1048576, seen-items = drop }"))))
                    .hasMessageContaining("seqaug.eval.seen-items");
        }
    }

    @Test
    void ranksAndMetricsMatchHandComputedValues() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Backbone backbone = fixedScores(manager);
            List<EvaluationCase> cases = List.of(
                    // item 1 is seen; only item 2 beats item 3: rank 1
                    new EvaluationCase(0, new int[] {1}, 3, new int[] {1}),
                    // 24 items beat item 25, 2 of them seen: rank 22, outside the top 20
                    new EvaluationCase(1, new int[] {7, 8}, 25, new int[] {7, 8}),
                    // items 1 and 2 seen; item 3 beats 5 and item 4 ties with it: rank 2 (ties count against)
                    new EvaluationCase(2, new int[] {1, 2}, 5, new int[] {1, 2}),
                    // the answer itself was seen, so it is excluded and misses
                    new EvaluationCase(3, new int[] {9}, 9, new int[] {9}));
            FullRankingEvaluator evaluator = new FullRankingEvaluator(1 << 20);
            long[] ranks = evaluator.ranks(backbone, cases, manager);
            assertThat(ranks[0]).isEqualTo(1);
            assertThat(ranks[1]).isEqualTo(22);
            assertThat(ranks[2]).isEqualTo(2);
            // last place among the table's rows, as with the excluded answer scoring -infinity
            assertThat(ranks[3]).isEqualTo(backbone.dims().tableRows() - 1);
            // an item seen twice is excluded once: still rank 22
            assertThat(evaluator.ranks(backbone, List.of(new EvaluationCase(1, new int[] {7, 8, 7}, 25, new int[] {7, 8, 7})),
                    manager)).containsExactly(22);
            Metrics m = evaluator.evaluate(backbone, cases, manager);
            double log2 = Math.log(2);
            assertThat(m.users()).isEqualTo(4);
            assertThat(m.hr5()).isEqualTo(0.5);
            assertThat(m.ndcg5()).isCloseTo((log2 / Math.log(3) + log2 / Math.log(4)) / 4, within(1e-12));
            assertThat(m.hr20()).isEqualTo(0.5);
            assertThat(m.ndcg20()).isEqualTo(m.ndcg5());
        }
    }

    @Test
    void ranksOfGivenOutputsUseTheSameExclusionsAndTieRule() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Backbone backbone = fixedScores(manager);
            EvaluationCase c = new EvaluationCase(0, new int[] {1}, 3, new int[] {1});
            FullRankingEvaluator evaluator = new FullRankingEvaluator(1 << 20);
            // output [1] ranks as encoding does (item 2 beats item 3); output [-1] reverses the
            // table: items 4..30 (27 of them, 4 and 5 tied) beat item 3, seen item 1 does not
            NDArray outputs = manager.create(new float[] {1, -1}, new Shape(2, 1));
            assertThat(evaluator.ranksOfOutputs(backbone, outputs, List.of(c, c), manager)).containsExactly(1, 27);
            assertThat(evaluator.ranksOfOutputs(backbone, outputs, List.of(c, c), manager))
                    .containsExactly(evaluator.ranks(backbone, List.of(c), manager)[0], 27);
            assertThat(outputs.toFloatArray()).containsExactly(1, -1); // the caller's outputs stay usable
            assertThatThrownBy(() -> evaluator.ranksOfOutputs(backbone, outputs, List.of(c), manager))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[1, H]");
        }
    }

    @Test
    void scoreBlocksAreSizedFromTheCatalog() {
        FullRankingEvaluator evaluator = new FullRankingEvaluator(256L << 20);
        assertThat(evaluator.usersPerScoreBlock(1_000_002)).isEqualTo(67);
        assertThat(evaluator.usersPerScoreBlock(12_103)).isEqualTo(256);
        assertThat(new FullRankingEvaluator(1).usersPerScoreBlock(10)).isEqualTo(1);
    }

    @Test
    void encodingChunksAreSizedFromThePaddedLength() {
        FullRankingEvaluator evaluator = new FullRankingEvaluator(256L << 20);
        assertThat(evaluator.usersPerEncoding(4)).isEqualTo(4096);
        assertThat(evaluator.usersPerEncoding(50)).isEqualTo(1310);
        assertThat(new FullRankingEvaluator(1 << 20, false, 10).usersPerEncoding(50)).isEqualTo(1);
        assertThatThrownBy(() -> new FullRankingEvaluator(1 << 20, false, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chunkingDoesNotChangeResults() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Backbone backbone = fixedScores(manager);
            List<EvaluationCase> cases = List.of(new EvaluationCase(0, new int[] {1, 2, 3}, 4, new int[] {1, 2, 3}),
                    new EvaluationCase(1, new int[] {6}, 10, new int[] {6}),
                    new EvaluationCase(2, new int[] {2, 9, 11, 12}, 7, new int[] {2, 9, 11, 12}));
            long[] together = new FullRankingEvaluator(1 << 20).ranks(backbone, cases, manager);
            long[] oneByOne = new FullRankingEvaluator(1).ranks(backbone, cases, manager);
            long[] encodedOneByOne = new FullRankingEvaluator(1 << 20, false, 1).ranks(backbone, cases, manager);
            assertThat(oneByOne).containsExactly(together);
            assertThat(encodedOneByOne).containsExactly(together);
            // 4 ties with 5; 10 is beaten by 1-5 and 7-9; 7 by 1, 3, 4, 5, 6
            assertThat(together).containsExactly(1, 8, 5);
        }
    }

    /** SASRec encodes users of different lengths in chunks padded to their longest input: same ranks as one by one. */
    @Test
    void encodingChunksOfSasRecDoNotChangeRanks() {
        SequenceDataset data = SyntheticDataset.generate(300, 60, 3, 30, 0.1, 3);
        List<EvaluationCase> cases = new LeaveOneOutSplit(data, 20).validation();
        ModelDims dims = new ModelDims(data.itemCount(), 1, 16, 20);
        Engine.getInstance().setRandomSeed(3);
        Backbone sasrec = new SasRecProvider().create(dims, new ProviderSettings(ConfigFactory.parseString(
                "layers = 2, heads = 2, hidden-dropout = 0.1, attention-dropout = 0.1, last-position-layout = same, attention-layout = grouped,"
                    + " padding = zero"), "seqaug.backbone.sasrec"));
        try (NDManager manager = NDManager.newBaseManager()) {
            sasrec.initialize(manager);
            long[] chunked = new FullRankingEvaluator(1 << 20).ranks(sasrec, cases, manager);
            long[] byLength = new FullRankingEvaluator(1 << 20, false, 40).ranks(sasrec, cases, manager);
            long[] oneByOne = new FullRankingEvaluator(1 << 20, false, 1).ranks(sasrec, cases, manager);
            assertThat(byLength).containsExactly(chunked);
            assertThat(oneByOne).containsExactly(chunked);
        }
    }
}
