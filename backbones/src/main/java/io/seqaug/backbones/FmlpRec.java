package io.seqaug.backbones;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.seqaug.api.ModelDims;
import io.seqaug.api.host.Dropout;

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
 *
 * <p>Training on prefixes and evaluation read only the last position. With
 * {@code lastBlockAtLastPosition}, {@link #encodeEmbeddedLast} runs the earlier blocks in full but
 * the last block for that position only: its filter output there is one weighted sum over the
 * positions per feature (the filter's kernel, {@link #lastKernel}), and its dropout, LayerNorms and
 * feed-forward layer see one position instead of L.
 */
final class FmlpRec extends BackboneBase {

    /**
     * FMLP-Rec's settings.
     *
     * @param layers filter blocks
     * @param hiddenDropout dropout on embeddings and sub-layer outputs
     * @param lastBlockAtLastPosition whether {@link #encodeEmbeddedLast} runs the last block for the
     *     last position only (the published code runs it for every position)
     */
    record Settings(int layers, float hiddenDropout, boolean lastBlockAtLastPosition) {}

    private record Block(Parameter filterReal, Parameter filterImag, Layers.Norm norm, Layers.FeedForward feedForward) {}

    private final Settings settings;
    private final Parameter positions;
    private final Layers.Norm inputNorm;
    private final List<Block> blocks = new ArrayList<>();
    private final float[] forwardDft;
    private final float[] inverseDft;

    FmlpRec(ModelDims dims, Settings settings) {
        super(dims, Init.normal(0.02), false);
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
        return blocks(input(embeddings, itemIds, training), blocks.size(), training);
    }

    @Override
    public NDArray encodeEmbeddedLast(NDArray embeddings, NDArray itemIds, boolean training) {
        if (!settings.lastBlockAtLastPosition()) {
            return encodeEmbedded(embeddings, itemIds, training).get(new NDIndex(":, -1, :"));
        }
        NDArray x = blocks(input(embeddings, itemIds, training), blocks.size() - 1, training);
        Block last = blocks.get(blocks.size() - 1);
        NDArray kernel = lastKernel(x.getManager(), last.filterReal().getArray(), last.filterImag().getArray(), forwardDft,
                inverseDft);
        // [B, H]: the filter's output at the last position, sum over t of x[b, t, h] * kernel[t, h]
        NDArray filtered = x.mul(kernel).sum(new int[] {1});
        filtered = Dropout.apply(filtered, settings.hiddenDropout(), training);
        NDArray atLast = last.norm().apply(filtered.addi(x.get(new NDIndex(":, -1, :"))));
        return last.feedForward().apply(atLast, training);
    }

    /** The first {@code count} filter blocks over every position. */
    private NDArray blocks(NDArray x, int count, boolean training) {
        for (Block block : blocks.subList(0, count)) {
            x = filter(block, x, training);
            x = block.feedForward().apply(x, training);
        }
        return x;
    }

    private NDArray input(NDArray embeddings, NDArray itemIds, boolean training) {
        if (itemIds.getShape().get(1) != dims.maxLength()) {
            throw new IllegalArgumentException("FMLP-Rec needs inputs padded to max-length " + dims.maxLength()
                    + ", got length " + itemIds.getShape().get(1));
        }
        NDArray x = embeddings.add(lookup(positionIds(itemIds), positions.getArray()));
        return Dropout.apply(inputNorm.apply(x), settings.hiddenDropout(), training);
    }

    private NDArray filter(Block block, NDArray x, boolean training) {
        NDArray filtered = spectralFilter(x, block.filterReal().getArray(), block.filterImag().getArray(), forwardDft,
                inverseDft);
        filtered = Dropout.apply(filtered, settings.hiddenDropout(), training);
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

    /**
     * The weights that give {@link #spectralFilter}'s output at the last position as a weighted sum
     * of the inputs: {@code y[b, L-1, h] = sum over t of x[b, t, h] * kernel[t, h]}.
     *
     * <p>Writing the inverse transform's last column as {@code (p, q)} (real, imaginary rows), the
     * output there is {@code a (c p + d q) + b (c q - d p)} with {@code a + bi} the spectrum of
     * {@code x}; substituting the forward transform for {@code a} and {@code b} gives the kernel.
     *
     * @param manager the manager of the result and of everything made on the way
     * @param c {@code [H, F]} real parts of the filter
     * @param d {@code [H, F]} imaginary parts of the filter
     * @param forwardDft {@link #forwardDft(int)} of L
     * @param inverseDft {@link #inverseDft(int)} of L
     * @return {@code [L, H]}
     */
    static NDArray lastKernel(NDManager manager, NDArray c, NDArray d, float[] forwardDft, float[] inverseDft) {
        int frequencies = (int) c.getShape().get(1);
        int length = inverseDft.length / (2 * frequencies);
        float[] p = new float[frequencies];
        float[] q = new float[frequencies];
        for (int f = 0; f < frequencies; f++) {
            p[f] = inverseDft[f * length + length - 1];
            q[f] = inverseDft[(frequencies + f) * length + length - 1];
        }
        NDArray pa = manager.create(p);
        NDArray qa = manager.create(q);
        // [H, 2F]: the weights of the spectrum's real parts, then of its imaginary parts
        NDArray weights = pa.mul(c).addi(qa.mul(d)).concat(qa.mul(c).subi(pa.mul(d)), -1);
        NDArray forward = manager.create(forwardDft, new Shape(length, 2 * frequencies));
        return forward.matMul(weights.transpose());
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
        double block = 2 * 8 * n * h * h + 2 * 2.5 * n * log * h + 6 * n * h;
        if (!settings.lastBlockAtLastPosition()) {
            return settings.layers() * block;
        }
        // the last block at the last position: its kernel's weighted sum and one feed-forward pass
        return (settings.layers() - 1) * block + 2 * n * h + 2 * 8 * h * h;
    }
}
