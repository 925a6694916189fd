package io.seqaug.augmenters;

import ai.djl.ndarray.NDArray;
import io.seqaug.api.Augmented;
import io.seqaug.api.Augmenter;
import io.seqaug.api.AugmenterContext;
import io.seqaug.api.AugmenterProvider;
import io.seqaug.api.LossTerm;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.StepContext;
import io.seqaug.augmenters.contrastive.InfoNce;
import io.seqaug.augmenters.contrastive.OperatorViews;
import io.seqaug.augmenters.contrastive.ViewContrast;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * {@code cl4srec} (Xie et al., ICDE 2022): two views of every training sequence, each from crop, mask
 * or reorder, encoded by the backbone, and an in-batch InfoNCE loss that pulls each sequence's two
 * views together and pushes the other 2B - 2 views away, added to the next-item loss. Trained jointly
 * from the first epoch: run it one-stage ({@code grid.from-stage1 = false}).
 *
 * <p>Defaults follow the CL4SRec of ICLRec's code, whose Beauty numbers ICLRec's paper reports:
 * crop keeps 20%, mask 70%, reorder 20%, the representation is every position's output
 * concatenated, similarities are dot products at temperature 1, weight 0.1. Differences from that
 * code: {@code docs/methods/cl4srec.md}.
 */
public final class Cl4SRec implements AugmenterProvider {

    @Override
    public String name() {
        return "cl4srec";
    }

    @Override
    public String description() {
        return "CL4SRec: crop/mask/reorder views, in-batch InfoNCE, trained jointly from the first epoch";
    }

    @Override
    public Augmenter create(ProviderSettings settings, AugmenterContext context) {
        OperatorViews views = OperatorViews.from(settings, context);
        ViewContrast contrast = ViewContrast.from(settings, "representation");
        InfoNce.Similarity similarity = InfoNce.Similarity.valueOf(
                settings.oneOf("similarity", "dot", "cosine").toUpperCase(Locale.ROOT));
        float temperature = (float) settings.number("temperature", 1e-6, 1e6);
        double weight = settings.weight("weight", 1e6);
        return new Augmenter() {
            @Override
            public int viewsPerExample() {
                return 2;
            }

            @Override
            public List<Augmented> augmentExample(int[] items, RandomGenerator rng) {
                return views.two(items, rng);
            }

            @Override
            public List<LossTerm> losses(StepContext step) {
                NDArray loss = contrast.loss(contrast.encode(step), step.requireViews(), step.batchSize(), temperature,
                        similarity);
                return List.of(new LossTerm("contrastive", loss, weight));
            }
        };
    }
}
