package io.seqaug.example;

import ai.djl.ndarray.NDArray;
import io.seqaug.api.Augmented;
import io.seqaug.api.Augmenter;
import io.seqaug.api.AugmenterContext;
import io.seqaug.api.AugmenterProvider;
import io.seqaug.api.Backbone;
import io.seqaug.api.LossTerm;
import io.seqaug.api.NextItemLoss;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.SequenceOperator;
import io.seqaug.api.StepContext;
import io.seqaug.api.TrainingStage;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * An example third-party augmenter, {@code gaussian-noise}: one view per sequence from a named
 * operator (by default this plugin's {@code reverse-span}), Gaussian noise added to the view's item
 * embeddings, and the recommendation loss of the noisy view against the original targets.
 *
 * <p>Written against the SeqAug API alone: it reaches the backbone only through
 * {@link Backbone#embed} and {@link Backbone#encodeEmbedded}, so it works with every backbone.
 */
public final class GaussianNoise implements AugmenterProvider {

    @Override
    public String name() {
        return "gaussian-noise";
    }

    @Override
    public String description() {
        return "example plugin: operator view + Gaussian noise on item embeddings";
    }

    @Override
    public Augmenter create(ProviderSettings settings, AugmenterContext context) {
        float sigma = (float) settings.number("sigma", 0, 10);
        double weight = settings.number("weight", 0, 1000);
        SequenceOperator operator = context.operator(settings.string("operator"), Map.of());
        return new Augmenter() {
            @Override
            public Set<TrainingStage> activeStages() {
                return EnumSet.of(TrainingStage.AUGMENTED);
            }

            @Override
            public int viewsPerExample() {
                return 1;
            }

            @Override
            public List<Augmented> augmentExample(int[] items, RandomGenerator rng) {
                return List.of(operator.apply(items, rng));
            }

            @Override
            public List<LossTerm> losses(StepContext step) {
                Backbone backbone = step.backbone();
                NDArray ids = step.requireViews();
                NDArray embedded = backbone.embed(ids);
                NDArray noisy = embedded.add(step.manager().randomNormal(0f, sigma, embedded.getShape(), embedded.getDataType()));
                NDArray encoded = backbone.encodeEmbedded(noisy, ids, true);
                NDArray loss = NextItemLoss.bce(encoded, step.positiveEmbeddings(), step.negativeEmbeddings(),
                        step.targetMask(), null);
                return List.of(new LossTerm(name(), loss, weight));
            }
        };
    }
}
