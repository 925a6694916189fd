package io.seqaug.backbones;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import io.seqaug.api.ModelDims;
import io.seqaug.api.host.Dropout;
import io.seqaug.api.host.Tensors;

import java.util.ArrayList;
import java.util.List;

/**
 * SASRec (Kang and McAuley, 2018) as in the S3Rec/CoSeRec/BASRec code: item and learned position
 * embeddings, LayerNorm and dropout, then post-LN Transformer blocks with causal multi-head
 * self-attention that also masks padding keys, and a GELU feed-forward sub-layer.
 */
final class SasRec extends BackboneBase {

    /**
     * SASRec's settings.
     *
     * @param layers Transformer blocks
     * @param heads attention heads (must divide the hidden size)
     * @param hiddenDropout dropout on embeddings and sub-layer outputs
     * @param attentionDropout dropout on attention probabilities
     * @param groupedAttention attention per {@link AttentionGroups group} of similar lengths instead of over the padded batch
     * @param publishedPadding every position, padding included, runs through every layer as in the published code
     *     (the padding row is a fixed random embedding, inputs are padded to max-length), so outputs at padding
     *     positions are what that code computes; otherwise they are zero and only real positions are computed
     * @param groupedBeforeLast with grouped attention, whether training passes that compute the last position only
     *     run the blocks before the last grouped too; false runs them over the padded batch, as before 2026-12-05
     */
    record Settings(int layers, int heads, float hiddenDropout, float attentionDropout, boolean groupedAttention,
            boolean publishedPadding, boolean groupedBeforeLast) {

        Settings {
            if (groupedAttention && publishedPadding) {
                throw new IllegalArgumentException("published padding needs the padded attention layout");
            }
        }

        /** The padded attention layout, zero padding outputs. */
        Settings(int layers, int heads, float hiddenDropout, float attentionDropout) {
            this(layers, heads, hiddenDropout, attentionDropout, false, false, false);
        }
    }

    /** The query, key and value projections are one {@code [3H, H]} dense layer: one product, one unpack. */
    private record Block(Layers.Dense queryKeyValue, Layers.Dense out, Layers.Norm norm, Layers.FeedForward feedForward) {}

    private final Settings settings;
    private final Parameter positions;
    private final Layers.Norm inputNorm;
    private final List<Block> blocks = new ArrayList<>();

    SasRec(ModelDims dims, Settings settings) {
        super(dims, Init.normal(0.02), settings.publishedPadding());
        int h = dims.hiddenSize();
        if (settings.heads() < 1 || h % settings.heads() != 0) {
            throw new IllegalArgumentException("hidden-size " + h + " is not a multiple of heads " + settings.heads());
        }
        this.settings = settings;
        this.positions = parameter("position-embeddings", new Shape(dims.maxLength(), h), Init.normal(0.02));
        this.inputNorm = Layers.Norm.register(this, "input-norm", h);
        Initializer w = Init.normal(0.02);
        for (int l = 0; l < settings.layers(); l++) {
            String p = "block" + l;
            blocks.add(new Block(Layers.Dense.register(this, p + ".attention.query-key-value", h, 3 * h, w,
                    Initializer.ZEROS),
                    Layers.Dense.register(this, p + ".attention.out", h, h, w, Initializer.ZEROS),
                    Layers.Norm.register(this, p + ".attention.norm", h),
                    Layers.FeedForward.register(this, p + ".feed-forward", h, settings.hiddenDropout())));
        }
    }

    @Override
    public boolean causal() {
        return true;
    }

    /**
     * Position-wise layers run on the packed real positions ({@link Packing}); only attention sees
     * the padded layout, where padding keys are masked. Outputs at real positions are exactly those
     * of the padded computation; outputs at padding positions are zero, or with published padding
     * computed as the published code does (every position through every layer; a padding query,
     * all of whose keys are masked, attends to the whole row).
     */
    @Override
    public NDArray encodeEmbedded(NDArray embeddings, NDArray itemIds, boolean training) {
        return encode(embeddings, itemIds, settings.publishedPadding() ? Packing.everyPosition(itemIds) : Packing.of(itemIds),
                training);
    }

    /** The real positions only, whatever the padding treatment: outputs at padding positions are zero. */
    @Override
    public NDArray encodeEmbeddedAtItems(NDArray embeddings, NDArray itemIds, boolean training) {
        return encode(embeddings, itemIds, Packing.of(itemIds), training);
    }

    private NDArray encode(NDArray embeddings, NDArray itemIds, Packing packing, boolean training) {
        NDArray x = inputs(embeddings, itemIds, packing, training);
        Shape padded = itemIds.getShape();
        AttentionGroups groups = settings.groupedAttention() ? groups(packing, itemIds) : null;
        NDArray mask = groups == null ? attentionMask(itemIds) : null;
        for (Block block : blocks) {
            x = block(block, x, packing, padded, groups, mask, training);
        }
        return packing.unpack(x);
    }

    private static AttentionGroups groups(Packing packing, NDArray itemIds) {
        Shape padded = itemIds.getShape();
        return AttentionGroups.of(packing.hostIds(), (int) padded.get(0), (int) padded.get(1), itemIds.getManager());
    }

    /** One whole block over the packed real positions: attention in groups, or padded when {@code groups} is null. */
    private NDArray block(Block block, NDArray x, Packing packing, Shape padded, AttentionGroups groups, NDArray mask,
            boolean training) {
        NDArray attended = groups == null ? attention(block, x, packing, padded, mask, training, false)
                : attention(block, x, groups, training);
        return block.feedForward().apply(attended, training);
    }

    /**
     * The last block runs its attention for the last query only and its position-wise layers on
     * that position only; the earlier blocks run as in {@link #encodeEmbedded} on the real positions.
     * The last position is a real item, so its output does not depend on the padding treatment.
     * Evaluation ({@link #encodeLast}) and readers of the last position in training take this path.
     * In training, with grouped attention, the earlier blocks run grouped as in {@link #encodeEmbedded}
     * ({@code last-position-layout = same}); evaluation keeps the padded layout for them, so that
     * scores do not move with the layout's rounding.
     */
    @Override
    public NDArray encodeEmbeddedLast(NDArray embeddings, NDArray itemIds, boolean training) {
        Packing packing = Packing.of(itemIds);
        NDArray x = inputs(embeddings, itemIds, packing, training);
        Shape padded = itemIds.getShape();
        NDArray mask = attentionMask(itemIds);
        AttentionGroups groups = training && settings.groupedAttention() && settings.groupedBeforeLast() && blocks.size() > 1
                ? groups(packing, itemIds) : null;
        for (int l = 0; l < blocks.size() - 1; l++) {
            x = block(blocks.get(l), x, packing, padded, groups, mask, training);
        }
        Block last = blocks.get(blocks.size() - 1);
        return last.feedForward().apply(attention(last, x, packing, padded, mask, training, true), training);
    }

    /** Item plus position embeddings at the real positions, normalised, with dropout when training. */
    private NDArray inputs(NDArray embeddings, NDArray itemIds, Packing packing, boolean training) {
        NDArray x = packing.pack(embeddings.add(lookup(positionIds(itemIds), positions.getArray())));
        return Dropout.apply(inputNorm.apply(x), settings.hiddenDropout(), training);
    }

    /**
     * Additive mask {@code [B, 1, L, L]}: 0 where query t may attend key s (s <= t and s is a real
     * item), -10000 elsewhere, as in the published code (a finite value keeps all-padding rows
     * defined).
     */
    private static NDArray attentionMask(NDArray itemIds) {
        NDManager manager = itemIds.getManager();
        int length = (int) itemIds.getShape().get(1);
        float[] causal = new float[length * length];
        for (int t = 0; t < length; t++) {
            for (int s = 0; s <= t; s++) {
                causal[t * length + s] = 1f;
            }
        }
        NDArray keys = itemIds.gt(0).toType(DataType.FLOAT32, false).expandDims(1).expandDims(1);
        NDArray allowed = keys.mul(manager.create(causal, new Shape(1, 1, length, length)));
        return allowed.subi(Tensors.constant(allowed, 1f)).muli(Tensors.constant(allowed, 10000f));
    }

    /**
     * Self-attention sub-layer on packed rows {@code [N, H]}, with its residual and LayerNorm.
     *
     * @param lastOnly compute only the last position's query: returns {@code [B, H]} instead of the
     *     packed {@code [N, H]}
     */
    private NDArray attention(Block block, NDArray x, Packing packing, Shape padded, NDArray mask, boolean training,
            boolean lastOnly) {
        long batch = padded.get(0);
        long length = padded.get(1);
        int heads = settings.heads();
        long hidden = x.getShape().get(1);
        long headSize = hidden / heads;
        // [3, B, heads, L, d]
        NDArray qkv = packing.unpack(block.queryKeyValue().apply(x)).reshape(batch, length, 3, heads, headSize)
                .transpose(2, 0, 3, 1, 4);
        NDIndex queries = new NDIndex(":, :, {}:, :", lastOnly ? length - 1 : 0);
        NDArray q = lastOnly ? qkv.get(0).get(queries) : qkv.get(0);
        NDArray k = qkv.get(1);
        NDArray v = qkv.get(2);
        NDArray scores = Tensors.scale(q.matMul(k.transpose(0, 1, 3, 2)), (float) (1.0 / Math.sqrt(headSize)))
                .addi(lastOnly ? mask.get(queries) : mask);
        NDArray probs = Dropout.apply(scores.softmax(-1), settings.attentionDropout(), training);
        NDArray context = probs.matMul(v).transpose(0, 2, 1, 3);
        NDArray residual = lastOnly ? packing.unpack(x).get(new NDIndex(":, {}, :", length - 1)) : x;
        context = lastOnly ? context.reshape(batch, hidden) : packing.pack(context.reshape(batch, length, hidden));
        NDArray out = Dropout.apply(block.out().apply(context), settings.hiddenDropout(), training);
        return block.norm().apply(out.addi(residual));
    }

    /** The same sub-layer with attention computed per {@link AttentionGroups group}. */
    private NDArray attention(Block block, NDArray x, AttentionGroups groups, boolean training) {
        int heads = settings.heads();
        long hidden = x.getShape().get(1);
        long headSize = hidden / heads;
        NDArray qkvPacked = block.queryKeyValue().apply(x);
        NDArray withZeroRow = qkvPacked.getManager().zeros(new Shape(1, 3 * hidden), qkvPacked.getDataType()).concat(qkvPacked, 0);
        List<NDArray> outputs = new ArrayList<>();
        for (AttentionGroups.Group group : groups.groups()) {
            long rows = group.rows();
            long length = group.length();
            NDArray qkv = AttentionGroups.gather(withZeroRow, group).reshape(rows, length, 3, heads, headSize)
                    .transpose(2, 0, 3, 1, 4);
            NDArray q = qkv.get(0);
            NDArray k = qkv.get(1);
            NDArray v = qkv.get(2);
            NDArray scores = Tensors.scale(q.matMul(k.transpose(0, 1, 3, 2)), (float) (1.0 / Math.sqrt(headSize))).addi(group.mask());
            NDArray probs = Dropout.apply(scores.softmax(-1), settings.attentionDropout(), training);
            outputs.add(probs.matMul(v).transpose(0, 2, 1, 3).reshape(rows * length, hidden));
        }
        NDArray context = groups.toPacked(outputs);
        NDArray out = Dropout.apply(block.out().apply(context), settings.hiddenDropout(), training);
        return block.norm().apply(out.addi(x));
    }

    @Override
    public double forwardFlops(int length) {
        double h = dims().hiddenSize();
        double n = length;
        // per block: query-key-value and output projections (4 H^2), feed-forward (8 H^2) per item,
        // causal attention scores and weighted sum over the real items (2 n^2 H, counted in full)
        return settings.layers() * (2 * 12 * n * h * h + 2 * 2 * n * n * h);
    }
}
