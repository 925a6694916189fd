package io.seqaug.backbones;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import io.seqaug.api.Backbone;
import io.seqaug.api.ModelDims;
import io.seqaug.api.NextItemLoss;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** SASRec's grouped attention computes what the padded layout computes, on fewer entries. */
class AttentionGroupsTest {

    private static final ModelDims DIMS = new ModelDims(40, 1, 8, 12);

    @Test
    void theSplitMinimisesRowsTimesLengthSquared() {
        // 6 rows of length 2 and one of 12: one group costs 7 x 144 = 1008, a split at 2 costs 6 x 4 + 144 = 168
        assertThat(AttentionGroups.bestSplit(new int[] {2, 2, 2, 2, 2, 2, 12}, 12)).isEqualTo(2);
        // equal lengths: one group
        assertThat(AttentionGroups.bestSplit(new int[] {5, 5, 5}, 5)).isEqualTo(5);
        // 1 x 1 + 2 x 100 = 201 beats 3 x 100 = 300 and 2 x 81 + 100 = 262
        assertThat(AttentionGroups.bestSplit(new int[] {1, 10, 9}, 10)).isEqualTo(1);
    }

    @Test
    void batchesOfSimilarLengthsKeepThePaddedLayout() {
        try (NDManager m = NDManager.newBaseManager()) {
            // rows of 3, 3 and 4 real items in a length-4 batch: a split saves too little
            long[] similar = {0, 1, 2, 3, 0, 4, 5, 6, 7, 8, 9, 10};
            assertThat(AttentionGroups.of(similar, 3, 4, m)).isNull();
            // one long row among short ones: two groups
            long[] mixed = {1, 2, 3, 4, 0, 0, 0, 5, 0, 0, 0, 6, 0, 0, 0, 7};
            AttentionGroups groups = AttentionGroups.of(mixed, 4, 4, m);
            assertThat(groups).isNotNull();
            assertThat(groups.groups()).extracting(AttentionGroups.Group::rows, AttentionGroups.Group::length)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, 1L), org.assertj.core.groups.Tuple.tuple(1L, 4L));
        }
    }

    @Test
    void groupedOutputsAndGradientsEqualThePaddedOnes() {
        SplittableRandom rng = new SplittableRandom(4);
        int batch = 9;
        int length = 12;
        int[] ids = new int[batch * length];
        int[] targets = new int[batch * length];
        int[] negatives = new int[batch * length];
        for (int b = 0; b < batch; b++) {
            int real = b == 0 ? length : 1 + rng.nextInt(4);
            for (int t = length - real; t < length; t++) {
                ids[b * length + t] = 1 + rng.nextInt(DIMS.itemCount());
                targets[b * length + t] = 1 + rng.nextInt(DIMS.itemCount());
                negatives[b * length + t] = 1 + rng.nextInt(DIMS.itemCount());
            }
        }
        List<float[]> outputs = new ArrayList<>();
        List<float[]> gradients = new ArrayList<>();
        for (String layout : new String[] {"padded", "grouped"}) {
            try (NDManager m = NDManager.newBaseManager()) {
                Engine.getInstance().setRandomSeed(11);
                Backbone backbone = new SasRecProvider().create(DIMS, BackboneContractTest.settings("sasrec",
                        "layers = 2, heads = 2, hidden-dropout = 0, attention-dropout = 0, "
                                + "last-position-layout = same, attention-layout = " + layout + ", padding = zero"));
                backbone.initialize(m);
                for (Parameter p : backbone.parameters()) {
                    p.getArray().setRequiresGradient(true);
                }
                NDArray x = m.create(ids, new Shape(batch, length));
                NDArray pos = m.create(targets, new Shape(batch, length));
                NDArray neg = m.create(negatives, new Shape(batch, length));
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray encoded = backbone.encode(x, true);
                    NDArray mask = pos.gt(0).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
                    collector.backward(NextItemLoss.bce().mean(encoded, backbone.embed(pos), backbone.embed(neg), mask, null));
                    outputs.add(encoded.mul(mask.expandDims(-1)).toFloatArray());
                }
                float[] all = new float[0];
                for (Parameter p : backbone.parameters()) {
                    float[] g = p.getArray().getGradient().toFloatArray();
                    float[] joined = new float[all.length + g.length];
                    System.arraycopy(all, 0, joined, 0, all.length);
                    System.arraycopy(g, 0, joined, all.length, g.length);
                    all = joined;
                }
                gradients.add(all);
            }
        }
        assertThat(outputs.get(1)).hasSameSizeAs(outputs.get(0));
        for (int i = 0; i < outputs.get(0).length; i++) {
            assertThat(outputs.get(1)[i]).as("output " + i).isCloseTo(outputs.get(0)[i], org.assertj.core.data.Offset.offset(1e-5f));
        }
        double maxGradient = 0;
        for (float g : gradients.get(0)) {
            maxGradient = Math.max(maxGradient, Math.abs(g));
        }
        assertThat(maxGradient).isGreaterThan(1e-4);
        for (int i = 0; i < gradients.get(0).length; i++) {
            assertThat(gradients.get(1)[i]).as("gradient " + i).isCloseTo(gradients.get(0)[i], org.assertj.core.data.Offset.offset(1e-5f));
        }
    }
}
