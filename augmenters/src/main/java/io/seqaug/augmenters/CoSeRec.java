package io.seqaug.augmenters;

import ai.djl.ndarray.NDArray;
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
        SequenceOperator operator = context.operator("random",
                Map.of("choices", operators, "rate-min", rates.min(), "rate-max", rates.max()));
        return new Instance(operator, (float) temperature, (float) weight, similarity, contrast);
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
