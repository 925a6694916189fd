package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.typesafe.config.ConfigFactory;
import io.seqaug.api.Augmenter;
import io.seqaug.api.Backbone;
import io.seqaug.api.ModelDims;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.TrainingStage;
import io.seqaug.backbones.SasRecProvider;
import io.seqaug.datasets.LeaveOneOutSplit;
import io.seqaug.datasets.NegativeSampler;
import io.seqaug.datasets.SequenceDataset;
import io.seqaug.datasets.SyntheticDataset;
import io.seqaug.runtime.cli.Bootstrap;
import io.seqaug.runtime.eval.FullRankingEvaluator;
import io.seqaug.runtime.train.StopSignal;
import io.seqaug.runtime.train.TrainOptions;
import io.seqaug.runtime.train.Trainer;
import io.seqaug.runtime.train.TrainingListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class MemoryTest {

    /** The small dataset, its split and a seeded SASRec that every test starts from. */
    private record Fixture(SequenceDataset data, LeaveOneOutSplit split, ModelDims dims, Backbone backbone) {
        static Fixture create() {
            SequenceDataset data = SyntheticDataset.generate(120, 40, 5, 15, 0.1, 1);
            ModelDims dims = new ModelDims(data.itemCount(), 1, 16, 12);
            Engine.getInstance().setRandomSeed(1);
            return new Fixture(data, new LeaveOneOutSplit(data, 12), dims, sasrec(dims));
        }
    }

    private static Backbone sasrec(ModelDims dims) {
        return new SasRecProvider().create(dims, new ProviderSettings(ConfigFactory.parseString(
                "layers = 1, heads = 2, hidden-dropout = 0.1, attention-dropout = 0.1, last-position-layout = same, attention-layout = grouped,"
                    + " padding = zero"), "seqaug.backbone.sasrec"));
    }

    private static io.seqaug.runtime.plugins.ProviderRegistry registry() {
        return Bootstrap.start(null, Map.of("seqaug.plugins-dir", "no-such-folder")).injector()
                .getInstance(io.seqaug.runtime.plugins.ProviderRegistry.class);
    }

    /** A trainer that records, after every epoch, how many arrays the run's manager holds. */
    private static Trainer trainer(Backbone backbone, LeaveOneOutSplit split, SequenceDataset data, NDManager root,
            List<Integer> counts) {
        return new Trainer(new TrainOptions(32, 0.001f, 0.9f, 0.999f, 0f, 100, 0, 2, false, 1), backbone, split,
                new NegativeSampler(data), new FullRankingEvaluator(1 << 20), root, new StopSignal(),
                TrainingListener.onEpoch(record -> counts.add(root.getManagedArrays().size())));
    }

    /** Every array a step or a validation makes is freed with it: the long-lived manager does not grow. */
    @Test
    void trainingAndValidationLeaveNoArraysBehind() {
        Fixture f = Fixture.create();
        SequenceDataset data = f.data();
        LeaveOneOutSplit split = f.split();
        ModelDims dims = f.dims();
        Backbone backbone = f.backbone();
        var registry = registry();
        Augmenter basrec = registry.augmenter("basrec").create(new ProviderSettings(ConfigFactory.parseString("""
                single-sequence = true, n-pairs = 1, operator = reorder, single-mixup = sequence-wise,
                weighting = adaptive, single-reduction = published, single-weight = 1.0, cross-sequence = true, n-whole-level = 1,
                cross-mixups = [item-wise, feature-wise], cross-weight = 1.0, beta = 0.4, rate-min = 0.2, rate-max = 0.7
                """), "seqaug.augmenter.basrec"), new TestAugmenterContext(registry, dims));
        try (NDManager root = NDManager.newBaseManager()) {
            backbone.initialize(root);
            List<Integer> counts = new ArrayList<>();
            Trainer trainer = trainer(backbone, split, data, root, counts);
            trainer.train(TrainingStage.BACKBONE, 3, null, false);
            trainer.train(TrainingStage.AUGMENTED, 3, basrec, true);
            // Adam creates its state on the first step; after that the count must stay flat.
            assertThat(counts).hasSize(6);
            assertThat(counts.subList(1, 6)).containsOnly(counts.get(1));
        }
    }

    /** ICLRec's per-epoch pass (every training sequence encoded, then k-means) leaves nothing behind either. */
    @Test
    void anEpochHookThatEncodesEverySequenceLeavesNoArraysBehind() {
        Fixture f = Fixture.create();
        SequenceDataset data = f.data();
        LeaveOneOutSplit split = f.split();
        ModelDims dims = f.dims();
        Backbone backbone = f.backbone();
        var registry = registry();
        Augmenter iclrec = registry.augmenter("iclrec").create(new ProviderSettings(ConfigFactory.parseString("""
                clusters = 4, kmeans-iterations = 3, kmeans-restarts = 2, crop-keep = 0.2, mask-rate = 0.7,
                reorder-rate = 0.2, instance-representation = concatenate, temperature = 1.0, instance-weight = 0.1,
                intent-weight = 0.1, warm-up-epochs = 0
                """).withFallback(ConfigFactory.defaultReference().getConfig("seqaug.augmenter.iclrec")),
                "seqaug.augmenter.iclrec"), new TestAugmenterContext(registry, dims));
        iclrec.prepare(split.trainingInputs(), split.trainingNextItems());
        try (NDManager root = NDManager.newBaseManager()) {
            backbone.initialize(root);
            List<Integer> counts = new ArrayList<>();
            Trainer trainer = trainer(backbone, split, data, root, counts);
            trainer.train(TrainingStage.AUGMENTED, 4, iclrec, false);
            assertThat(counts).hasSize(4);
            assertThat(counts.subList(1, 4)).containsOnly(counts.get(1));
        }
    }

    /** Recommending for every user, a block at a time, leaves nothing in the caller's manager. */
    @Test
    void recommendingLeavesNoArraysBehind() throws java.io.IOException {
        Fixture f = Fixture.create();
        SequenceDataset data = f.data();
        LeaveOneOutSplit split = f.split();
        Backbone backbone = f.backbone();
        try (NDManager root = NDManager.newBaseManager()) {
            backbone.initialize(root);
            int before = root.getManagedArrays().size();
            java.io.StringWriter out = new java.io.StringWriter();
            new io.seqaug.runtime.eval.Recommender(5, false, 16).write(backbone, split.test(), data::userLabel, data::itemLabel,
                    root, out);
            assertThat(out.toString().lines()).hasSize(1 + 5 * split.test().size());
            assertThat(root.getManagedArrays()).hasSize(before);
        }
    }
}
