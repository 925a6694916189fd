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
import io.seqaug.augmenters.contrastive.SequenceRepresentation;

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
        SequenceRepresentation representation = SequenceRepresentation.parse(
                settings.oneOf("representation", "last", "mean", "concatenate"));
        InfoNce.Similarity similarity = InfoNce.Similarity.valueOf(
                settings.oneOf("similarity", "dot", "cosine").toUpperCase(Locale.ROOT));
        float temperature = (float) settings.number("temperature", 1e-6, 1e6);
        double weight = settings.weight("weight", 1e6);
        boolean trimmed = trimmedProducts(settings, representation);
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
                int batch = step.batchSize();
                NDArray loss;
                if (trimmed) {
                    NDArray ids = step.requireViews();
                    loss = InfoNce.concatenated(step.encode(step.embed(ids), ids), ids, batch, temperature, similarity);
                } else {
                    NDArray z = encodeViews(step, representation);
                    loss = InfoNce.loss(z.get("0:{}", batch), z.get("{}:", batch), temperature, similarity);
                }
                return List.of(new LossTerm("contrastive", loss, weight));
            }
        };
    }

    /**
     * Whether a concatenated representation's products skip the all-zero positions
     * ({@code concatenated-products = trimmed}, see {@link io.seqaug.augmenters.contrastive.ConcatenatedProducts})
     * rather than multiply the whole flattened outputs ({@code full}, the published computation).
     *
     * @param settings the augmenter's settings
     * @param representation the representation the products are of
     * @return true for trimmed products of a concatenated representation
     */
    static boolean trimmedProducts(ProviderSettings settings, SequenceRepresentation representation) {
        String products = settings.oneOf("concatenated-products", "trimmed", "full");
        return representation == SequenceRepresentation.CONCATENATE && products.equals("trimmed");
    }

    /**
     * The representations of a step's two views per sequence, copy-major.
     *
     * @param step the step
     * @param representation how outputs become one vector
     * @return {@code [2B, D]}
     */
    static NDArray encodeViews(StepContext step, SequenceRepresentation representation) {
        NDArray ids = step.requireViews();
        NDArray encoded = representation.needsEveryPosition() ? step.encode(step.embed(ids), ids) : step.encodeLast(ids);
        return representation.of(encoded, ids);
    }
}
