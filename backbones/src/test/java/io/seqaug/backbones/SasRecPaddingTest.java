package io.seqaug.backbones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import io.seqaug.api.Backbone;
import io.seqaug.api.ModelDims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

/**
 * SASRec's two padding treatments: zero outputs at padding positions, or the published computation
 * of every position (checked against a reference written out op by op).
 */
class SasRecPaddingTest {

    private static final ModelDims DIMS = new ModelDims(12, 1, 8, 4);
    private static final int[] IDS = {0, 0, 3, 4, 0, 5, 6, 7, 9, 10, 11, 2};
    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static Backbone build(String padding, String layout) {
        Engine.getInstance().setRandomSeed(11);
        Backbone b = new SasRecProvider().create(DIMS, BackboneContractTest.settings("sasrec", "layers = 1, heads = 2,"
                + " hidden-dropout = 0.0, attention-dropout = 0.0, "
                + "last-position-layout = same, attention-layout = " + layout + ", padding = " + padding));
        b.initialize(manager);
        return b;
    }

    private static NDArray ids(NDManager m) {
        return m.create(IDS, new Shape(3, 4));
    }

    @Test
    void publishedPaddingComputesEveryPositionAsTheReference() {
        Backbone b = build("published", "padded");
        assertThat(b.paddingInvariant()).isFalse();
        try (NDManager m = manager.newSubManager()) {
            NDArray out = b.encode(ids(m), false);
            NDArray expected = reference(b, ids(m));
            assertThat(out.sub(expected).abs().max().getFloat()).isLessThan(1e-5f);
            // A padding query has every key masked, so it attends to its whole row: later items move it.
            NDArray changed = m.create(new int[] {0, 0, 3, 8, 0, 5, 6, 7, 9, 10, 11, 2}, new Shape(3, 4));
            float moved = b.encode(changed, false).get("0, 0, :").sub(out.get("0, 0, :")).abs().max().getFloat();
            assertThat(moved).isGreaterThan(1e-4f);
        }
    }

    @Test
    void realOutputsAreTheSameEitherWayAndOnlyPublishedPaddingHasOutputsAtPadding() {
        Backbone zero = build("zero", "padded");
        Backbone published = build("published", "padded");
        assertThat(zero.paddingInvariant()).isTrue();
        assertThat(zero.itemTable().sub(published.itemTable()).abs().max().getFloat()).isZero();
        try (NDManager m = manager.newSubManager()) {
            NDArray a = zero.encode(ids(m), false);
            NDArray c = published.encode(ids(m), false);
            NDArray real = ids(m).gt(0).expandDims(-1);
            NDArray padding = ids(m).eq(0).expandDims(-1);
            assertThat(a.sub(c).mul(real).abs().max().getFloat()).isLessThan(1e-5f);
            assertThat(a.mul(padding).abs().max().getFloat()).isZero();
            assertThat(c.get("0, 0, :").abs().sum().getFloat()).isGreaterThan(0.1f);
            assertThat(c.get("1, 0, :").abs().sum().getFloat()).isGreaterThan(0.1f);
            // Callers that read real items only get them without the padding positions' work.
            NDArray atItems = published.encodeEmbeddedAtItems(published.embed(ids(m)), ids(m), false);
            assertThat(atItems.sub(c).mul(real).abs().max().getFloat()).isLessThan(1e-5f);
            assertThat(atItems.mul(padding).abs().max().getFloat()).isZero();
            // Every row's last position is a real item, so readers of the last position get it the same way.
            NDArray last = published.encodeEmbeddedLast(published.embed(ids(m)), ids(m), false);
            assertThat(last.getShape()).isEqualTo(new Shape(3, 8));
            assertThat(last.sub(c.get(":, -1, :")).abs().max().getFloat()).isLessThan(1e-5f);
            // The padding row embeds to itself only with published padding.
            assertThat(zero.embed(ids(m)).get("0, 0, :").abs().sum().getFloat()).isZero();
            assertThat(published.embed(ids(m)).get("0, 0, :").sub(published.itemTable().get(0)).abs().max().getFloat())
                    .isZero();
        }
    }

    @Test
    void publishedPaddingRowNeverGetsAGradientButOtherParametersLearnFromPaddingOutputs() {
        Backbone b = build("published", "padded");
        for (Parameter p : b.parameters()) {
            p.getArray().setRequiresGradient(true);
        }
        try (NDManager m = manager.newSubManager()) {
            NDArray x = ids(m);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                // Only padding positions' outputs and embeddings enter this loss.
                NDArray padding = x.eq(0).expandDims(-1);
                NDArray loss = b.encode(x, true).mul(padding).sum().add(b.embed(x).mul(padding).sum());
                gc.backward(loss);
            }
            Map<String, Float> gradients = new HashMap<>();
            for (Parameter p : b.parameters()) {
                NDArray g = p.getArray().getGradient();
                g.attach(m);
                gradients.put(p.getName(), g.abs().sum().getFloat());
                if (p.getName().equals("item-embeddings")) {
                    assertThat(g.get("0").abs().sum().getFloat()).isZero();
                    assertThat(g.get("3").abs().sum().getFloat()).isPositive();
                }
                g.subi(g);
            }
            assertThat(gradients.get("position-embeddings")).isPositive();
            assertThat(gradients.get("block0.attention.query-key-value.weight")).isPositive();
        }
    }

    @Test
    void publishedPaddingWithGroupedAttentionIsRejectedNamingBothKeys() {
        assertThatThrownBy(() -> build("published", "grouped")).hasMessageContaining("seqaug.backbone.sasrec.padding")
                .hasMessageContaining("seqaug.backbone.sasrec.attention-layout = padded");
        assertThatThrownBy(() -> build("ones", "padded")).hasMessageContaining("seqaug.backbone.sasrec.padding")
                .hasMessageContaining("'ones'");
    }

    /** The published one-block forward, every position, no dropout, written out op by op. */
    private static NDArray reference(Backbone b, NDArray ids) {
        Map<String, NDArray> p = new HashMap<>();
        b.parameters().forEach(q -> p.put(q.getName(), q.getArray()));
        long batch = ids.getShape().get(0);
        long length = ids.getShape().get(1);
        int hidden = DIMS.hiddenSize();
        int heads = 2;
        int d = hidden / heads;
        NDManager m = ids.getManager();
        NDArray items = p.get("item-embeddings").get(new NDIndex("{}", ids.flatten())).reshape(batch, length, hidden);
        NDArray x = norm(items.add(p.get("position-embeddings").get(new NDIndex(DIMS.maxLength() - length + ":"))),
                p, "input-norm");
        NDArray qkv = x.matMul(p.get("block0.attention.query-key-value.weight").transpose())
                .add(p.get("block0.attention.query-key-value.bias"));
        float[] mask = new float[(int) (batch * length * length)];
        int[] flat = ids.toIntArray();
        for (int r = 0; r < batch; r++) {
            for (int t = 0; t < length; t++) {
                for (int s = 0; s < length; s++) {
                    boolean allowed = s <= t && flat[(int) (r * length + s)] != 0;
                    mask[(int) ((r * length + t) * length + s)] = allowed ? 0f : -10000f;
                }
            }
        }
        NDArray masks = m.create(mask, new Shape(batch, length, length));
        NDArray[] contexts = new NDArray[heads];
        for (int h = 0; h < heads; h++) {
            NDArray q = qkv.get(new NDIndex(":, :, {}:{}", h * d, (h + 1) * d));
            NDArray k = qkv.get(new NDIndex(":, :, {}:{}", hidden + h * d, hidden + (h + 1) * d));
            NDArray v = qkv.get(new NDIndex(":, :, {}:{}", 2 * hidden + h * d, 2 * hidden + (h + 1) * d));
            NDArray scores = q.matMul(k.transpose(0, 2, 1)).div(Math.sqrt(d)).add(masks);
            contexts[h] = scores.softmax(-1).matMul(v);
        }
        NDArray context = contexts[0].concat(contexts[1], -1);
        NDArray attended = norm(context.matMul(p.get("block0.attention.out.weight").transpose())
                .add(p.get("block0.attention.out.bias")).add(x), p, "block0.attention.norm");
        NDArray up = attended.matMul(p.get("block0.feed-forward.up.weight").transpose()).add(p.get("block0.feed-forward.up.bias"));
        NDArray gelu = up.mul(up.div(Math.sqrt(2)).erf().add(1)).mul(0.5);
        NDArray down = gelu.matMul(p.get("block0.feed-forward.down.weight").transpose()).add(p.get("block0.feed-forward.down.bias"));
        return norm(down.add(attended), p, "block0.feed-forward.norm");
    }

    private static NDArray norm(NDArray x, Map<String, NDArray> p, String name) {
        NDArray mean = x.mean(new int[] {-1}, true);
        NDArray centred = x.sub(mean);
        NDArray variance = centred.square().mean(new int[] {-1}, true);
        return centred.div(variance.add(Layers.LAYER_NORM_EPS).sqrt()).mul(p.get(name + ".gamma")).add(p.get(name + ".beta"));
    }
}
