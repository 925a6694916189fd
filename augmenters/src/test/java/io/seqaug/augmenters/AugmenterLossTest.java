package io.seqaug.augmenters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import com.typesafe.config.ConfigFactory;
import io.seqaug.api.Augmenter;
import io.seqaug.api.Backbone;
import io.seqaug.api.ModelDims;
import io.seqaug.api.NextItemLoss;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.TrainingStage;
import io.seqaug.api.host.SequenceBatch;
import io.seqaug.api.host.TrainingStep;
import io.seqaug.augmenters.contrastive.InfoNce;
import io.seqaug.backbones.Gru4RecProvider;
import io.seqaug.backbones.SasRecProvider;
import io.seqaug.datasets.BatchLoader;
import io.seqaug.datasets.LeaveOneOutSplit;
import io.seqaug.datasets.NegativeSampler;
import io.seqaug.datasets.SequenceDataset;
import io.seqaug.datasets.SyntheticDataset;
import io.seqaug.testkit.KitContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.SplittableRandom;

class AugmenterLossTest {

    private static final SequenceDataset DATA = SyntheticDataset.generate(40, 25, 5, 12, 0.2, 3);
    private static final ModelDims DIMS = new ModelDims(DATA.itemCount(), 1, 8, 10);
    private static final String BASREC = """
            single-sequence = true, n-pairs = 2, operator = random, single-mixup = sequence-wise, weighting = adaptive,
            single-reduction = published, single-weight = 1.0, cross-sequence = true, n-whole-level = 3, cross-mixups = [item-wise, feature-wise],
            cross-weight = 1.0, beta = 0.4, rate-min = 0.2, rate-max = 0.7
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
        var settings = new ProviderSettings(ConfigFactory.parseString("layers = 1, heads = 2, hidden-dropout = 0.1,"
                + " attention-dropout = 0.1, "
                + "last-position-layout = same, attention-layout = padded, gru-hidden-size = 8, dropout = 0.1, padding = zero"),
                "seqaug.backbone." + name);
        Backbone b = name.equals("sasrec") ? new SasRecProvider().create(DIMS, settings) : new Gru4RecProvider().create(DIMS, settings);
        b.initialize(manager);
        return b;
    }

    private static Augmenter augmenter(String provider, String config) {
        KitContext context = new KitContext(DIMS);
        var p = provider.equals("basrec") ? new BasRec() : new CoSeRec();
        return p.create(new ProviderSettings(ConfigFactory.parseString(config), "seqaug.augmenter." + provider), context);
    }

    /** Runs one step and returns the terms' values; checks every parameter got a finite gradient. */
    private static List<Float> step(Backbone backbone, Augmenter augmenter) {
        LeaveOneOutSplit split = new LeaveOneOutSplit(DATA, DIMS.maxLength());
        SequenceBatch batch = BatchLoader.assemble(split.nextItemExamples().subList(0, 16),
                new BatchLoader.Options(16, DIMS.maxLength(), false, 1), new NegativeSampler(DATA), augmenter,
                new SplittableRandom(1));
        for (Parameter p : backbone.parameters()) {
            p.getArray().setRequiresGradient(true);
        }
        try (NDManager m = manager.newSubManager()) {
            List<Float> values;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                // the host's own step; only the augmenter's terms run backward
                TrainingStep.Losses losses = new TrainingStep(backbone, NextItemLoss.bce())
                        .forward(m, batch, augmenter, new SplittableRandom(2));
                List<NDArray> weighted = losses.weighted();
                NDArray total = weighted.get(0);
                for (int i = 1; i < weighted.size(); i++) {
                    total = total.add(weighted.get(i));
                }
                gc.backward(total);
                values = weighted.stream().map(NDArray::getFloat).toList();
            }
            NDArray tableGrad = backbone.itemTable().getGradient();
            tableGrad.attach(m);
            assertThat(tableGrad.abs().sum().getFloat()).isPositive().isFinite();
            for (Parameter p : backbone.parameters()) {
                NDArray g = p.getArray().getGradient();
                g.attach(m);
                g.subi(g);
            }
            return values;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sasrec", "gru4rec"})
    void basrecAddsFiniteSingleAndCrossSequenceLossesWithGradients(String backboneName) {
        Augmenter basrec = augmenter("basrec", BASREC);
        assertThat(basrec.activeStages()).containsExactly(TrainingStage.AUGMENTED);
        assertThat(basrec.viewsPerExample()).isEqualTo(4);
        List<Float> values = step(backbone(backboneName), basrec);
        assertThat(values).hasSize(2).allSatisfy(v -> assertThat(v).isPositive().isFinite());
    }

    @Test
    void ablationsSwitchPartsOff() {
        Augmenter crossOnly = augmenter("basrec", BASREC + ", single-sequence = false");
        assertThat(crossOnly.viewsPerExample()).isZero();
        assertThat(step(backbone("sasrec"), crossOnly)).hasSize(1);
        Augmenter singleOnly = augmenter("basrec", BASREC + ", cross-sequence = false, weighting = uniform,"
                + " operator = reorder, single-mixup = item-wise");
        assertThat(step(backbone("sasrec"), singleOnly)).hasSize(1);
        assertThatThrownBy(() -> augmenter("basrec", BASREC + ", single-sequence = false, cross-sequence = false"))
                .hasMessageContaining("use augmenter none");
        assertThatThrownBy(() -> augmenter("basrec", BASREC + ", rate-min = 0.8")).hasMessageContaining("rate-min");
    }

    @ParameterizedTest
    @CsvSource({"dot, seqaug", "cosine, seqaug", "dot, published"})
    void coserecAddsAContrastiveLoss(String similarity, String rules) {
        Augmenter coserec = augmenter("coserec", """
                operators = [crop, mask, reorder, substitute, insert], rate-min = 0.2, rate-max = 0.7, operator-rules = %s,
                temperature = 0.5, weight = 0.1, similarity = %s, representation = last, concatenated-products = trimmed
                """.formatted(rules, similarity));
        assertThat(coserec.viewsPerExample()).isEqualTo(2);
        assertThat(step(backbone("sasrec"), coserec)).hasSize(1).allSatisfy(v -> assertThat(v).isPositive().isFinite());
    }

    @Test
    void coserecRejectsUnknownSimilarities() {
        assertThatThrownBy(() -> augmenter("coserec", """
                operators = [crop], rate-min = 0.2, rate-max = 0.7, temperature = 0.5, weight = 0.1, similarity = l1
                """)).hasMessageStartingWith("seqaug.augmenter.coserec.similarity must be one of dot, cosine, got 'l1' (");
    }

    @Test
    void ntXentOfPerfectlySeparatedPairsIsNearZeroAndOfIdenticalRowsIsLogOfTheOthers() {
        try (NDManager m = manager.newSubManager()) {
            // two sequences, views identical within a pair and orthogonal across pairs, scaled up
            NDArray z = m.create(new float[] {10, 0, 0, 10, 10, 0, 0, 10}, new Shape(4, 2));
            assertThat(InfoNce.pairs(z, 2, 1f).getFloat()).isLessThan(1e-3f);
            NDArray same = m.zeros(new Shape(4, 2));
            // all similarities equal: the partner is one of 3 candidates
            assertThat(InfoNce.pairs(same, 2, 1f).getFloat()).isCloseTo((float) Math.log(3), org.assertj.core.api.Assertions.within(1e-5f));
        }
    }
}
