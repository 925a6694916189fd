package io.seqaug.backbones;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.seqaug.api.ModelDims;
import io.seqaug.api.host.Dropout;

import java.util.ArrayList;
import java.util.List;

/**
 * GRU4Rec as in the published BASRec code: item embeddings (Xavier normal) with dropout, a GRU
 * without bias terms, and a dense layer back to the embedding size.
 *
 * <p>Padding, {@code padding = zero} (default): the padding embedding is zero, and a bias-free GRU
 * that starts from a zero state stays at zero through leading padding, so outputs at real items do
 * not depend on how much padding precedes them and batches are padded only to their longest
 * sequence. {@code padding = published}: as in the authors' code, the padding row keeps its random
 * initial embedding, never receives a gradient, and every input is padded to {@code max-length}, so
 * the GRU runs through the padding before the first item and starts the sequence from the state
 * that this fixed input drives it to.
 */
final class Gru4Rec extends BackboneBase {

    /**
     * GRU4Rec's settings.
     *
     * @param layers stacked GRU layers
     * @param gruHidden the GRU's hidden width
     * @param dropout dropout on item embeddings
     * @param publishedPadding whether padding is a fixed random embedding seen by the GRU over the full length
     */
    record Settings(int layers, int gruHidden, float dropout, boolean publishedPadding) {}

    private final Settings settings;
    private final List<Parameter> gruWeights = new ArrayList<>();
    private final Layers.Dense dense;

    Gru4Rec(ModelDims dims, Settings settings) {
        super(dims, settings.publishedPadding() ? Init.xavierNormal() : Init.xavierNormalZeroPadding(), settings.publishedPadding());
        this.settings = settings;
        int in = dims.hiddenSize();
        int hidden = settings.gruHidden();
        for (int l = 0; l < settings.layers(); l++) {
            // The engine expects per layer the input-hidden then the hidden-hidden weights.
            gruWeights.add(parameter("gru" + l + ".weight-ih", new Shape(3L * hidden, l == 0 ? in : hidden),
                    Init.xavierUniform()));
            gruWeights.add(parameter("gru" + l + ".weight-hh", new Shape(3L * hidden, hidden), Init.xavierUniform()));
        }
        this.dense = Layers.Dense.register(this, "dense", hidden, in, Init.torchLinearDefault(hidden),
                Init.torchLinearDefault(hidden));
    }

    @Override
    public boolean causal() {
        return true;
    }

    @Override
    public NDArray encodeEmbedded(NDArray embeddings, NDArray itemIds, boolean training) {
        NDArray x = Dropout.apply(embeddings, settings.dropout(), training);
        long batch = x.getShape().get(0);
        NDArray state = x.getManager().zeros(new Shape(settings.layers(), batch, settings.gruHidden()));
        NDList weights = new NDList(gruWeights.size());
        for (Parameter p : gruWeights) {
            weights.add(p.getArray());
        }
        NDList out = x.getNDArrayInternal().gru(x, state, weights, false, settings.layers(), 0.0, training, false, true);
        return dense.apply(out.get(0));
    }

    @Override
    public double forwardFlops(int length) {
        double e = dims().hiddenSize();
        double g = settings.gruHidden();
        double perItem = 0;
        for (int l = 0; l < settings.layers(); l++) {
            // three gates, each an input and a recurrent matrix product
            perItem += 2 * 3 * g * ((l == 0 ? e : g) + g);
        }
        // the dense layer back to the embedding width
        return length * (perItem + 2 * g * e);
    }
}
