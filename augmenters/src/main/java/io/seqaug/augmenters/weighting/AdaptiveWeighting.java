package io.seqaug.augmenters.weighting;

import ai.djl.ndarray.NDArray;
import io.seqaug.api.LossWeighting;
import io.seqaug.api.LossWeightingProvider;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.host.Tensors;

/**
 * {@code adaptive} (BASRec): weight {@code 1 / (lambda x rate)}, min-max normalised within each
 * batch, so that copies that keep more of the original (large lambda) and change it less (small
 * rate) count less. A batch whose weights are all equal gets weight 1 everywhere.
 */
public final class AdaptiveWeighting implements LossWeightingProvider {

    @Override
    public String name() {
        return "adaptive";
    }

    @Override
    public String description() {
        return "1 / (lambda x rate), min-max normalised over the batch";
    }

    @Override
    public LossWeighting create(ProviderSettings settings) {
        return AdaptiveWeighting::weights;
    }

    static NDArray weights(NDArray rates, NDArray lambdas) {
        NDArray product = lambdas.mul(rates);
        NDArray floored = product.maximum(Tensors.constant(product, 1e-12f));
        NDArray raw = floored.pow(Tensors.constant(floored, -1f));
        NDArray min = raw.min(new int[] {-1}, true);
        NDArray range = raw.max(new int[] {-1}, true).sub(min);
        NDArray flat = range.eq(0f).toType(raw.getDataType(), false);
        // (raw - min) / range where the range is positive; exactly 1 where it is zero.
        return raw.sub(min).div(range.add(flat)).add(flat);
    }
}
