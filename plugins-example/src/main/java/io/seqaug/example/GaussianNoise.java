package io.seqaug.example;

import ai.djl.ndarray.NDArray;
import io.seqaug.api.Augmented;
import io.seqaug.api.Augmenter;
import io.seqaug.api.AugmenterContext;
import io.seqaug.api.AugmenterProvider;
import io.seqaug.api.LossTerm;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.SequenceOperator;
import io.seqaug.api.StepContext;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * An example third-party augmenter, {@code gaussian-noise}: one view per sequence from a named
 * operator (by default this plugin's {@code reverse-span}), Gaussian noise added to the view's item
 * embeddings, and the recommendation loss of the noisy view against the original targets.
 *
 * <p>Written against the SeqAug API alone: it reaches the model only through the step's
 * {@link StepContext#embed} and {@link StepContext#encode}, and scores the noisy view with the host's
 * own next-item loss ({@link StepContext#nextItemLoss}), so it works with every backbone and with
 * {@code seqaug.train.loss = bce} or {@code ce}. It is active in stage 2 (the default
 * {@code activeStages()}), which a one-stage run trains from scratch.
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
        double weight = settings.weight("weight", 1000);
        SequenceOperator operator = context.operator(settings.string("operator"), Map.of());
        return new Augmenter() {
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
                NDArray ids = step.requireViews();
                NDArray embedded = step.embed(ids);
                NDArray noisy = embedded.add(step.manager().randomNormal(0f, sigma, embedded.getShape(), embedded.getDataType()));
                // the view keeps the original's length, so its outputs line up with the batch's targets
                return List.of(new LossTerm(name(), step.nextItemLoss(step.encode(noisy, ids)), weight));
            }
        };
    }
}
