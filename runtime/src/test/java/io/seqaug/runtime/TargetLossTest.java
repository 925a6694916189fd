package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import com.typesafe.config.ConfigFactory;
import io.seqaug.api.Backbone;
import io.seqaug.api.ModelDims;
import io.seqaug.api.NextItemLoss;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.StepContext;
import io.seqaug.api.host.BatchArrays;
import io.seqaug.api.host.SequenceBatch;
import io.seqaug.backbones.SasRecProvider;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class TargetLossTest {

    /** A left-padded batch: rows with 3, 1 and 5 targets out of 5 positions. */
    private static final int[] INPUTS = {0, 0, 4, 2, 7, 0, 0, 0, 0, 3, 1, 5, 2, 8, 6};
    private static final int[] POSITIVES = {0, 0, 2, 7, 9, 0, 0, 0, 0, 4, 5, 2, 8, 6, 3};
    private static final int[] NEGATIVES = {0, 0, 1, 3, 5, 0, 0, 0, 0, 9, 6, 4, 1, 2, 7};

    /** The loss on target positions only has the padded loss's value and gradients. */
    @Test
    void equalsTheMaskedLossOverThePaddedBatch() {
        Backbone sasrec = sasrec(5);
        try (NDManager m = NDManager.newBaseManager()) {
            sasrec.initialize(m);
            BatchArrays batch = BatchArrays.upload(m, new SequenceBatch(3, 5, new int[3], INPUTS, POSITIVES, NEGATIVES, null));
            NDArray inputs = batch.inputs();
            NDArray positives = batch.positives();
            NDArray negatives = batch.negatives();
            float padded;
            List<float[]> paddedGradients;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = NextItemLoss.bce().mean(sasrec.encode(inputs, true), sasrec.embed(positives), sasrec.embed(negatives),
                        batch.targetMask(), null);
                collector.backward(loss);
                padded = loss.getFloat();
            }
            paddedGradients = gradients(sasrec);
            // Gradients accumulate across collectors.
            for (Parameter p : sasrec.parameters()) {
                p.getArray().getGradient().muli(0f);
            }
            float targets;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = atTargets(sasrec, sasrec.encode(inputs, true), batch);
                collector.backward(loss);
                targets = loss.getFloat();
            }
            List<float[]> targetGradients = gradients(sasrec);
            assertThat(padded).isGreaterThan(0f);
            assertThat(targets).isCloseTo(padded, within(1e-6f));
            assertThat(targetGradients).hasSameSizeAs(paddedGradients);
            for (int i = 0; i < paddedGradients.size(); i++) {
                assertThat(targetGradients.get(i)).containsExactly(paddedGradients.get(i),
                        within(1e-6f));
            }
            assertThat(paddedGradients.get(0)).isNotEqualTo(new float[paddedGradients.get(0).length]);
        }
    }

    /** On prefixes (one target per row, at the last position) the last-position loss is the target loss. */
    @Test
    void lastPositionLossEqualsTheTargetLossOnPrefixes() {
        Backbone sasrec = sasrec(6);
        int[] positives = {0, 0, 0, 0, 9, 0, 0, 0, 0, 4, 0, 0, 0, 0, 3};
        try (NDManager m = NDManager.newBaseManager()) {
            sasrec.initialize(m);
            BatchArrays batch = BatchArrays.upload(m, new SequenceBatch(3, 5, new int[3], INPUTS, positives, NEGATIVES, null));
            NDArray encoded = sasrec.encode(batch.inputs(), false);
            float all = atTargets(sasrec, encoded, batch).getFloat();
            float last = atTargets(sasrec, encoded.get(new NDIndex(":, -1, :")), batch).getFloat();
            assertThat(all).isGreaterThan(0f);
            assertThat(last).isCloseTo(all, within(1e-6f));

            BatchArrays everyPosition = BatchArrays.upload(m, new SequenceBatch(3, 5, new int[3], INPUTS, POSITIVES, NEGATIVES, null));
            assertThatThrownBy(() -> atTargets(sasrec, encoded.get(new NDIndex(":, -1, :")), everyPosition))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one target per row, at position 4");
        }
    }

    /** A one-block SASRec without dropout, over 8 items and length 5, built after seeding the engine. */
    private static Backbone sasrec(int seed) {
        Engine.getInstance().setRandomSeed(seed);
        return new SasRecProvider().create(new ModelDims(9, 1, 8, 5), new ProviderSettings(ConfigFactory.parseString(
                "layers = 1, heads = 2, hidden-dropout = 0, attention-dropout = 0, last-position-layout = same, attention-layout = padded,"
                    + " padding = zero"), "seqaug.backbone.sasrec"));
    }

    private static List<float[]> gradients(Backbone backbone) {
        List<float[]> result = new ArrayList<>();
        for (Parameter p : backbone.parameters()) {
            result.add(p.getArray().getGradient().toFloatArray());
        }
        return result;
    }

    /** The host's next-item loss at the batch's target positions (BCE). */
    private static NDArray atTargets(Backbone backbone, NDArray outputs, BatchArrays batch) {
        return StepContext.nextItemLoss(outputs, backbone, NextItemLoss.bce(), batch.positives(), batch.negatives(),
                batch.targets(), batch.targetRows(), outputs.getManager());
    }
}
