package io.seqaug.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqaug.api.Augmented;
import io.seqaug.api.Augmenter;
import io.seqaug.api.LossTerm;
import io.seqaug.api.StepContext;
import io.seqaug.api.TrainingStage;
import io.seqaug.api.host.SequenceBatch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

class BatchLoaderTest {

    private static final SequenceDataset DATA = SyntheticDataset.generate(45, 40, 4, 12, 0.3, 5);

    private static List<SequenceBatch> drain(BatchLoader loader) {
        List<SequenceBatch> batches = new ArrayList<>();
        while (loader.hasNext()) {
            batches.add(loader.next());
        }
        return batches;
    }

    @Test
    void yieldsEveryExampleOncePaddedToTheLongestRowWithValidNegatives() {
        LeaveOneOutSplit split = new LeaveOneOutSplit(DATA, 50);
        List<TrainingExample> examples = split.nextItemExamples();
        NegativeSampler sampler = new NegativeSampler(DATA);
        List<SequenceBatch> batches;
        try (BatchLoader loader = new BatchLoader(examples, new BatchLoader.Options(16, 50, false, 2), sampler, null, 1)) {
            assertThat(loader.batchCount()).isEqualTo(3);
            batches = drain(loader);
        }
        assertThat(batches).extracting(SequenceBatch::size).containsExactly(16, 16, 13);
        int seen = 0;
        for (SequenceBatch b : batches) {
            // synthetic sequences have at most 12 items, so training inputs at most 9
            assertThat(b.length()).isLessThanOrEqualTo(9);
            for (int i = 0; i < b.inputs().length; i++) {
                int user = b.users()[i / b.length()];
                if (b.positives()[i] == 0) {
                    assertThat(b.negatives()[i]).isZero();
                } else {
                    assertThat(sampler.interacted(user, b.negatives()[i])).isFalse();
                }
            }
            seen += b.size();
        }
        assertThat(seen).isEqualTo(examples.size());
    }

    @Test
    void sameSeedSameBatches() {
        List<TrainingExample> examples = new LeaveOneOutSplit(DATA, 50).nextItemExamples();
        NegativeSampler sampler = new NegativeSampler(DATA);
        BatchLoader.Options options = new BatchLoader.Options(8, 50, true, 1);
        try (BatchLoader a = new BatchLoader(examples, options, sampler, null, 3);
                BatchLoader b = new BatchLoader(examples, options, sampler, null, 3)) {
            List<SequenceBatch> first = drain(a);
            List<SequenceBatch> second = drain(b);
            for (int i = 0; i < first.size(); i++) {
                assertThat(first.get(i).length()).isEqualTo(50);
                assertThat(first.get(i).inputs()).containsExactly(second.get(i).inputs());
                assertThat(first.get(i).negatives()).containsExactly(second.get(i).negatives());
            }
        }
    }

    private static Augmenter viewMaker(int views, boolean fail) {
        return new Augmenter() {
            @Override
            public Set<TrainingStage> activeStages() {
                return Set.of(TrainingStage.AUGMENTED);
            }

            @Override
            public int viewsPerExample() {
                return views;
            }

            @Override
            public List<Augmented> augmentExample(int[] items, RandomGenerator rng) {
                if (fail) {
                    throw new IllegalStateException("operator exploded");
                }
                List<Augmented> out = new ArrayList<>();
                for (int v = 0; v < views; v++) {
                    int[] longer = new int[items.length + 1];
                    System.arraycopy(items, 0, longer, 1, items.length);
                    longer[0] = v + 1;
                    out.add(new Augmented(longer, 0.5));
                }
                return out;
            }

            @Override
            public List<LossTerm> losses(StepContext step) {
                return List.of();
            }
        };
    }

    @Test
    void viewsAreViewMajorAndShareTheBatchLength() {
        List<TrainingExample> examples = new LeaveOneOutSplit(DATA, 50).nextItemExamples().subList(0, 3);
        SequenceBatch batch = BatchLoader.assemble(examples, new BatchLoader.Options(3, 50, false, 1),
                new NegativeSampler(DATA), viewMaker(2, false), new java.util.SplittableRandom(1));
        int longestInput = examples.stream().mapToInt(e -> e.input().length).max().orElseThrow();
        assertThat(batch.length()).isEqualTo(longestInput + 1);
        assertThat(batch.views().items()).hasSize(2 * 3 * batch.length());
        // row v * B + b holds view v of example b; view v starts with item v + 1
        int length = batch.length();
        for (int v = 0; v < 2; v++) {
            for (int b = 0; b < 3; b++) {
                int row = v * 3 + b;
                int first = length - (examples.get(b).input().length + 1);
                assertThat(batch.views().items()[row * length + first]).isEqualTo(v + 1);
            }
        }
        assertThat(batch.views().rates()).containsOnly(0.5f);
    }

    @Test
    void loaderErrorsReachTheConsumer() {
        List<TrainingExample> examples = new LeaveOneOutSplit(DATA, 50).nextItemExamples();
        try (BatchLoader loader = new BatchLoader(examples, new BatchLoader.Options(8, 50, false, 1),
                new NegativeSampler(DATA), viewMaker(1, true), 1)) {
            assertThatThrownBy(loader::hasNext).isInstanceOf(IllegalStateException.class).hasMessage("operator exploded");
        }
    }

    @Test
    void closingEarlyStopsTheThread() {
        List<TrainingExample> examples = new LeaveOneOutSplit(DATA, 50).nextItemExamples();
        BatchLoader loader = new BatchLoader(examples, new BatchLoader.Options(1, 50, false, 1), new NegativeSampler(DATA),
                null, 1);
        assertThat(loader.hasNext()).isTrue();
        loader.next();
        loader.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("seqaug-loader") && t.isAlive());
    }

    /** An augmenter whose one view is what {@code make} returns. */
    private static Augmenter oneView(java.util.function.Function<int[], int[]> make) {
        return new Augmenter() {
            @Override
            public int viewsPerExample() {
                return 1;
            }

            @Override
            public List<Augmented> augmentExample(int[] items, java.util.random.RandomGenerator rng) {
                return List.of(new Augmented(make.apply(items), 0.5));
            }

            @Override
            public List<LossTerm> losses(StepContext step) {
                return List.of();
            }
        };
    }

    @Test
    void viewsThatWouldTrainOnNothingOrOutsideTheCatalogueAreRefusedNamingTheAugmenter() {
        List<TrainingExample> examples = new LeaveOneOutSplit(DATA, 50).nextItemExamples().subList(0, 3);
        BatchLoader.Options options = new BatchLoader.Options(3, 50, false, 1, DATA.itemCount() + 1);
        NegativeSampler sampler = new NegativeSampler(DATA);
        assertThatThrownBy(() -> BatchLoader.assemble(examples, options, sampler, oneView(items -> new int[] {0, 0}),
                new java.util.SplittableRandom(1))).hasMessageStartingWith("augmenter ")
                .hasMessageEndingWith("made a view of padding only (no item)");
        assertThatThrownBy(() -> BatchLoader.assemble(examples, options, sampler,
                oneView(items -> new int[] {DATA.itemCount() + 2}), new java.util.SplittableRandom(1)))
                .hasMessageEndingWith("made a view with item id " + (DATA.itemCount() + 2) + " (ids are 1.." + (DATA.itemCount() + 1)
                        + ", 0 is padding)");
    }

    @Test
    void anAugmenterThatChangesItsInputIsRefused() {
        List<TrainingExample> examples = new LeaveOneOutSplit(DATA, 50).nextItemExamples().subList(0, 3);
        Augmenter mutating = oneView(items -> {
            items[0] = items[items.length - 1];
            return items;
        });
        assertThatThrownBy(() -> BatchLoader.assemble(examples, new BatchLoader.Options(3, 50, false, 1), new NegativeSampler(DATA),
                mutating, new java.util.SplittableRandom(1))).hasMessageContaining("modified the example it was given");
    }
}
