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
import io.seqaug.augmenters.contrastive.SequenceRepresentation;
import io.seqaug.augmenters.operators.RateRange;

import java.util.EnumSet;
import java.util.List;
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
        String similarity = settings.oneOf("similarity", "dot", "cosine");
        SequenceRepresentation representation = SequenceRepresentation.parse(
                settings.oneOf("representation", "last", "mean", "concatenate"));
        boolean trimmed = Cl4SRec.trimmedProducts(settings, representation);
        RateRange rates = RateRange.from(settings);
        SequenceOperator operator = context.operator("random",
                Map.of("choices", operators, "rate-min", rates.min(), "rate-max", rates.max()));
        return new Instance(operator, (float) temperature, (float) weight, similarity.equals("cosine"), representation,
                trimmed);
    }

    private record Instance(SequenceOperator operator, float temperature, float weight, boolean cosine,
            SequenceRepresentation representation, boolean trimmed) implements Augmenter {

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
            NDArray ids = step.requireViews();
            int batch = (int) step.inputs().getShape().get(0);
            NDArray z;
            if (representation == SequenceRepresentation.LAST) {
                // only the last position is read: a backbone may skip the work the other positions need
                z = step.backbone().encodeEmbeddedLast(step.backbone().embed(ids), ids, true);
            } else {
                NDArray encoded = step.encode(step.embed(ids), ids);
                if (trimmed) {
                    InfoNce.Similarity similarity = cosine ? InfoNce.Similarity.COSINE : InfoNce.Similarity.DOT;
                    return List.of(new LossTerm("contrastive", InfoNce.concatenated(encoded, ids, batch, temperature,
                            similarity), weight));
                }
                z = representation.of(encoded, ids);
            }
            if (cosine) {
                z = z.div(z.norm(new int[] {1}, true).maximum(1e-8f));
            }
            return List.of(new LossTerm("contrastive", InfoNce.pairs(z, batch, temperature), weight));
        }
    }
}
