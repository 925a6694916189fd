package io.seqaug.augmenters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import com.typesafe.config.ConfigFactory;
import io.seqaug.api.Augmenter;
import io.seqaug.api.Backbone;
import io.seqaug.api.ModelDims;
import io.seqaug.api.NextItemLoss;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.host.SequenceBatch;
import io.seqaug.api.host.TrainingStep;
import io.seqaug.backbones.FmlpRecProvider;
import io.seqaug.backbones.SasRecProvider;
import io.seqaug.datasets.BatchLoader;
import io.seqaug.datasets.LeaveOneOutSplit;
import io.seqaug.datasets.NegativeSampler;
import io.seqaug.datasets.SequenceDataset;
import io.seqaug.datasets.SyntheticDataset;
import io.seqaug.testkit.KitContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * On a batch of prefixes (every row's only target at its last position), BASRec's terms computed at
 * the last position only equal the terms computed over every position, values and gradients, when no
 * dropout is drawn: the rule that makes FMLP-Rec with BASRec practical.
 */
class LastPositionRuleTest {

    private static final SequenceDataset DATA = SyntheticDataset.generate(40, 25, 5, 12, 0.2, 3);
    /** Fixed-length batches, as FMLP-Rec trains. */
    private static final ModelDims DIMS = new ModelDims(DATA.itemCount(), 1, 8, 10);
    /** Mixups whose random draws do not depend on the sequence length, so both computations draw the same. */
    private static final String BASREC = """
            single-sequence = true, n-pairs = 2, operator = random, single-mixup = sequence-wise, weighting = adaptive,
            single-reduction = published, single-weight = 1.0, cross-sequence = true, n-whole-level = 2,
            cross-mixups = [feature-wise, sequence-wise], cross-weight = 1.0, beta = 0.4, rate-min = 0.2, rate-max = 0.7
            """;
    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static Backbone backbone(String name) {
        Engine.getInstance().setRandomSeed(5);
        Backbone b = name.equals("sasrec")
                ? new SasRecProvider().create(DIMS, new ProviderSettings(ConfigFactory.parseString("layers = 1, heads = 2,"
                        + " hidden-dropout = 0.0, attention-dropout = 0.0, last-position-layout = same, attention-layout = padded, padding = zero"),
                        "seqaug.backbone.sasrec"))
                : new FmlpRecProvider().create(DIMS, new ProviderSettings(ConfigFactory.parseString("layers = 2,"
                        + " hidden-dropout = 0.0, last-block = last-position"), "seqaug.backbone.fmlp-rec"));
        b.initialize(manager);
        for (Parameter p : b.parameters()) {
            p.getArray().setRequiresGradient(true);
        }
        return b;
    }

    /** The values of the terms, then every parameter's gradient, after one step. */
    private static List<float[]> step(Backbone backbone, Augmenter basrec, SequenceBatch batch, boolean lastPositionRule) {
        List<float[]> out = new ArrayList<>();
        try (NDManager m = manager.newSubManager()) {
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                TrainingStep.Losses losses = new TrainingStep(backbone, NextItemLoss.bce(), lastPositionRule)
                        .forward(m, batch, basrec, new SplittableRandom(2));
                assertThat(losses.terms()).extracting(t -> t.name()).containsExactly("single-seq", "cross-seq");
                float[] values = new float[losses.weighted().size() + 1];
                values[0] = losses.recommendation().getFloat();
                for (int i = 0; i < losses.weighted().size(); i++) {
                    values[i + 1] = losses.weighted().get(i).getFloat();
                }
                out.add(values);
                gc.backward(losses.total());
            }
            for (Parameter p : backbone.parameters()) {
                NDArray g = p.getArray().getGradient();
                out.add(g.toFloatArray());
                g.subi(g);
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"fmlp-rec", "sasrec"})
    void lastPositionTermsEqualTheFullComputation(String name) {
        Backbone backbone = backbone(name);
        Augmenter basrec = new BasRec().create(new ProviderSettings(ConfigFactory.parseString(BASREC), "seqaug.augmenter.basrec"),
                new KitContext(DIMS));
        basrec.prepare(new LeaveOneOutSplit(DATA, DIMS.maxLength()).trainingInputs());
        var prefixes = new LeaveOneOutSplit(DATA, DIMS.maxLength()).prefixExamples();
        SequenceBatch batch = BatchLoader.assemble(prefixes.subList(5, 21), new BatchLoader.Options(16, DIMS.maxLength(), true, 1),
                new NegativeSampler(DATA), basrec, new SplittableRandom(1));
        List<float[]> last = step(backbone, basrec, batch, true);
        List<float[]> full = step(backbone, basrec, batch, false);
        assertThat(last).hasSameSizeAs(full);
        assertThat(last.get(0)[1]).as("single-seq").isPositive();
        for (int i = 0; i < last.get(0).length; i++) {
            assertThat(last.get(0)[i]).as("term %d", i).isCloseTo(full.get(0)[i], within(1e-5f));
        }
        for (int p = 1; p < last.size(); p++) {
            float[] a = last.get(p);
            float[] b = full.get(p);
            for (int j = 0; j < a.length; j++) {
                assertThat(a[j]).as("parameter %d, entry %d", p - 1, j).isCloseTo(b[j], within(1e-5f));
            }
        }
    }
}
