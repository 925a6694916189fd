package io.seqaug.backbones;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.seqaug.api.ModelDims;

import java.util.ArrayList;
import java.util.List;

/**
 * FMLP-Rec (Zhou et al., 2022): item and position embeddings, LayerNorm and dropout, then
 * filter-enhanced blocks. Each block takes the real FFT along the sequence axis, multiplies it by a
 * learnable complex filter, transforms back, and adds dropout, a residual and LayerNorm before the
 * feed-forward sub-layer.
 *
 * <p>The filter mixes all positions, so FMLP-Rec is not causal and always sees inputs padded to
 * {@code maxLength}. The published code uses orthonormal FFTs; the unscaled forward and 1/n inverse
 * pair used here gives the same product, since the filter in between is linear. The transforms are
 * written as two small real matrix products (L = 50): the engine's complex views do not support
 * autograd through DJL, and on sequences this short a matrix product is as fast as an FFT.
 */
final class FmlpRec extends BackboneBase {

    /**
     * FMLP-Rec's settings.
     *
     * @param layers filter blocks
     * @param hiddenDropout dropout on embeddings and sub-layer outputs
     */
    record Settings(int layers, float hiddenDropout) {}

    private record Block(Parameter filterReal, Parameter filterImag, Layers.Norm norm, Layers.FeedForward feedForward) {}

    private final Settings settings;
    private final Parameter positions;
    private final Layers.Norm inputNorm;
    private final List<Block> blocks = new ArrayList<>();
    private final float[] forwardDft;
    private final float[] inverseDft;

    FmlpRec(ModelDims dims, Settings settings) {
        super(dims, Init.normal(0.02));
        this.settings = settings;
        int h = dims.hiddenSize();
        this.positions = parameter("position-embeddings", new Shape(dims.maxLength(), h), Init.normal(0.02));
        this.inputNorm = Layers.Norm.register(this, "input-norm", h);
        int frequencies = spectrumSize();
        this.forwardDft = forwardDft(dims.maxLength());
        this.inverseDft = inverseDft(dims.maxLength());
        for (int l = 0; l < settings.layers(); l++) {
            String p = "block" + l;
            blocks.add(new Block(parameter(p + ".filter.real", new Shape(h, frequencies), Init.normal(0.02)),
                    parameter(p + ".filter.imag", new Shape(h, frequencies), Init.normal(0.02)),
                    Layers.Norm.register(this, p + ".filter.norm", h),
                    Layers.FeedForward.register(this, p + ".feed-forward", h, settings.hiddenDropout())));
        }
    }

    @Override
    public boolean causal() {
        return false;
    }

    @Override
    public NDArray encodeEmbedded(NDArray embeddings, NDArray itemIds, boolean training) {
        if (itemIds.getShape().get(1) != dims.maxLength()) {
            throw new IllegalArgumentException("FMLP-Rec needs inputs padded to max-length " + dims.maxLength()
                    + ", got length " + itemIds.getShape().get(1));
        }
        NDArray x = embeddings.add(lookup(positionIds(itemIds), positions.getArray()));
        x = Layers.dropout(inputNorm.apply(x), settings.hiddenDropout(), training);
        for (Block block : blocks) {
            x = filter(block, x, training);
            x = block.feedForward().apply(x, training);
        }
        return x;
    }

    private NDArray filter(Block block, NDArray x, boolean training) {
        NDArray filtered = spectralFilter(x, block.filterReal().getArray(), block.filterImag().getArray(), forwardDft,
                inverseDft);
        filtered = Layers.dropout(filtered, settings.hiddenDropout(), training);
        return block.norm().apply(filtered.addi(x));
    }

    /**
     * {@code irfft(W * rfft(x))} along the sequence axis, as real matrix products.
     *
     * @param x {@code [B, L, H]}
     * @param c {@code [H, F]} real parts of the filter
     * @param d {@code [H, F]} imaginary parts of the filter
     * @param forwardDft {@link #forwardDft(int)} of L
     * @param inverseDft {@link #inverseDft(int)} of L
     * @return {@code [B, L, H]}
     */
    static NDArray spectralFilter(NDArray x, NDArray c, NDArray d, float[] forwardDft, float[] inverseDft) {
        NDManager manager = x.getManager();
        long length = x.getShape().get(1);
        long frequencies = c.getShape().get(1);
        NDArray forward = manager.create(forwardDft, new Shape(length, 2 * frequencies));
        NDArray inverse = manager.create(inverseDft, new Shape(2 * frequencies, length));
        // [B, H, 2F]: real parts then imaginary parts of every feature's spectrum
        NDArray spectrum = x.transpose(0, 2, 1).matMul(forward);
        NDArray a = spectrum.get(new NDIndex("..., :" + frequencies));
        NDArray b = spectrum.get(new NDIndex("..., " + frequencies + ":"));
        // (a + bi)(c + di) = (ac - bd) + (ad + bc)i
        NDArray real = a.mul(c).subi(b.mul(d));
        NDArray imag = a.mul(d).addi(b.mul(c));
        return real.concat(imag, -1).matMul(inverse).transpose(0, 2, 1);
    }

    private int spectrumSize() {
        return dims.maxLength() / 2 + 1;
    }

    /**
     * The real DFT as a {@code [L, 2F]} matrix: column f gives the real part of bin f, column F + f
     * its imaginary part.
     */
    static float[] forwardDft(int length) {
        int frequencies = length / 2 + 1;
        float[] m = new float[length * 2 * frequencies];
        for (int t = 0; t < length; t++) {
            for (int f = 0; f < frequencies; f++) {
                double angle = 2 * Math.PI * f * t / length;
                m[t * 2 * frequencies + f] = (float) Math.cos(angle);
                m[t * 2 * frequencies + frequencies + f] = (float) -Math.sin(angle);
            }
        }
        return m;
    }

    /**
     * The inverse real DFT as a {@code [2F, L]} matrix, with the 1/L scaling; bins other than 0 and
     * (for even L) L/2 stand for two conjugate bins, and the imaginary parts of those two are
     * ignored, as an inverse real FFT does.
     */
    static float[] inverseDft(int length) {
        int frequencies = length / 2 + 1;
        float[] m = new float[2 * frequencies * length];
        for (int f = 0; f < frequencies; f++) {
            boolean selfConjugate = f == 0 || (length % 2 == 0 && f == length / 2);
            double weight = (selfConjugate ? 1.0 : 2.0) / length;
            for (int t = 0; t < length; t++) {
                double angle = 2 * Math.PI * f * t / length;
                m[f * length + t] = (float) (weight * Math.cos(angle));
                m[(frequencies + f) * length + t] = selfConjugate ? 0f : (float) (-weight * Math.sin(angle));
            }
        }
        return m;
    }

    @Override
    public double forwardFlops(int length) {
        double h = dims().hiddenSize();
        double n = length;
        double log = Math.max(1, Math.log(n) / Math.log(2));
        // per block: feed-forward (8 H^2 per item), a forward and an inverse real FFT along the
        // sequence (about 2.5 n log2 n per feature each) and the complex filter product (6 per value)
        return settings.layers() * (2 * 8 * n * h * h + 2 * 2.5 * n * log * h + 6 * n * h);
    }
}
