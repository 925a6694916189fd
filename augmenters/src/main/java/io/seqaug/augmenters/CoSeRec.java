package io.seqaug.augmenters;

import ai.djl.ndarray.NDArray;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.seqaug.api.Augmented;
import io.seqaug.api.Augmenter;
import io.seqaug.api.AugmenterContext;
import io.seqaug.api.AugmenterProvider;
import io.seqaug.api.LossTerm;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.SequenceOperator;
import io.seqaug.api.StepContext;
import io.seqaug.api.TrainingStage;
import io.seqaug.augmenters.contrastive.InfoNce;
import io.seqaug.augmenters.contrastive.OperatorViews;
import io.seqaug.augmenters.contrastive.ViewContrast;
import io.seqaug.augmenters.operators.RateRange;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * {@code coserec}: a CoSeRec-style contrastive baseline (Liu et al., 2021). Two views of every
 * training sequence are made by operators picked at random from the configured set; the backbone
 * encodes both in one pass, and an in-batch NT-Xent (InfoNCE) loss pulls each sequence's two views
 * together and pushes the other 2B - 2 views away. The representation of a view is by default the
 * encoder output at its last position, the one used for scoring ({@code representation = last}), or
 * every position's output concatenated as CoSeRec's code does ({@code concatenate}); similarities are
 * dot products (as in CoSeRec) or, with {@code similarity = cosine}, cosines.
 */
public final class CoSeRec implements AugmenterProvider {

    /** The operators of CoSeRec's {@code Random} augmentation. */
    static final List<String> PUBLISHED_OPERATORS = List.of("crop", "mask", "reorder", "substitute", "insert");
    /** Sequences of at most this many items take only insert, substitute or mask ({@code augment_threshold}). */
    static final int SHORT_SEQUENCE = 4;

    @Override
    public String name() {
        return "coserec";
    }

    @Override
    public String description() {
        return "CoSeRec-style contrastive learning: two operator views, in-batch NT-Xent loss";
    }

    @Override
    public Augmenter create(ProviderSettings settings, AugmenterContext context) {
        List<String> operators = settings.strings("operators");
        if (operators.isEmpty()) {
            throw settings.invalid("operators", "must name at least one operator");
        }
        double temperature = settings.number("temperature", 1e-6, 1e6);
        double weight = settings.weight("weight", 1e6);
        InfoNce.Similarity similarity = InfoNce.Similarity.valueOf(
                settings.oneOf("similarity", "dot", "cosine").toUpperCase(Locale.ROOT));
        ViewContrast contrast = ViewContrast.from(settings, "representation");
        RateRange rates = RateRange.from(settings);
        SequenceOperator operator;
        if (settings.oneOf("operator-rules", "seqaug", "published").equals("published")) {
            // the published rules fix the operators and their rates: a list or range set beside them would do nothing
            if (!Set.copyOf(operators).equals(Set.copyOf(PUBLISHED_OPERATORS)) || operators.size() != PUBLISHED_OPERATORS.size()) {
                throw settings.invalid("operators", "is not read with operator-rules = published, which takes CoSeRec's five "
                        + "operators; leave it at " + PUBLISHED_OPERATORS);
            }
            RateRange shipped = shippedRates();
            if (!rates.equals(shipped)) {
                throw settings.invalid("rate-min", "and rate-max are not read with operator-rules = published, which fixes "
                        + "each operator's rate; leave them at " + shipped.min() + " and " + shipped.max());
            }
            operator = publishedOperator(context);
        } else {
            operator = context.operator("random", Map.of("choices", operators, "rate-min", rates.min(), "rate-max", rates.max()));
        }
        return new Instance(operator, (float) temperature, (float) weight, similarity, contrast);
    }

    /** The rate range this provider ships with (its {@code reference.conf}), which the published rules replace. */
    private static RateRange shippedRates() {
        Config shipped = ConfigFactory.defaultReference(CoSeRec.class.getClassLoader()).getConfig("seqaug.augmenter.coserec");
        return new RateRange(shipped.getDouble("rate-min"), shipped.getDouble("rate-max"));
    }

    /**
     * One view as CoSeRec's code makes it ({@code base_augment_type = random}, {@code augment_threshold = 4},
     * {@code augment_type_for_short = SIM}), rule for rule: a sequence of at most 4 items takes one of
     * insert, substitute and mask, a longer one one of insert, crop, mask, reorder and substitute, picked
     * uniformly. Crop keeps {@code (int) (0.2 n)} items (one when that is 0), mask writes the padding id at
     * {@code (int) (0.7 n)} positions and reorder shuffles a span of {@code (int) (0.7 n)} items (the code
     * passes the mask rate {@code gamma} as the reorder rate), all as {@link OperatorViews#published};
     * substitute replaces {@code max(1, (int) (0.1 n))} items and insert puts a neighbour before
     * {@code max(1, (int) (0.4 n))} items, both with the run's item similarity (the code's offline
     * ItemCF-IUF model, which it uses until epoch 160).
     *
     * @param context where the substitute and insert operators are built
     * @return the operator of one view
     */
    static SequenceOperator publishedOperator(AugmenterContext context) {
        List<SequenceOperator> fixed = OperatorViews.published(0.2, 0.7, 0.7).operators();
        SequenceOperator crop = fixed.get(0);
        SequenceOperator mask = fixed.get(1);
        SequenceOperator reorder = fixed.get(2);
        SequenceOperator substitute = context.operator("substitute", Map.of("rate-min", 0.1, "rate-max", 0.1));
        SequenceOperator insert = context.operator("insert", Map.of("rate-min", 0.4, "rate-max", 0.4));
        List<SequenceOperator> forShort = List.of(insert, substitute, mask);
        List<SequenceOperator> forLong = List.of(insert, crop, mask, reorder, substitute);
        return (items, rng) -> {
            List<SequenceOperator> choices = items.length > SHORT_SEQUENCE ? forLong : forShort;
            return choices.get(rng.nextInt(choices.size())).apply(items, rng);
        };
    }

    private record Instance(SequenceOperator operator, float temperature, float weight, InfoNce.Similarity similarity,
            ViewContrast contrast) implements Augmenter {

        @Override
        public Set<TrainingStage> activeStages() {
            return EnumSet.of(TrainingStage.AUGMENTED);
        }

        @Override
        public int viewsPerExample() {
            return 2;
        }

        @Override
        public List<Augmented> augmentExample(int[] items, RandomGenerator rng) {
            return List.of(operator.apply(items, rng), operator.apply(items, rng));
        }

        @Override
        public List<LossTerm> losses(StepContext step) {
            NDArray loss = contrast.loss(contrast.encode(step), step.requireViews(), step.batchSize(), temperature, similarity);
            return List.of(new LossTerm("contrastive", loss, weight));
        }
    }
}
