package io.seqaug.backbones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import com.typesafe.config.ConfigFactory;
import io.seqaug.api.Backbone;
import io.seqaug.api.BackboneProvider;
import io.seqaug.api.ModelDims;
import io.seqaug.api.NextItemLoss;
import io.seqaug.api.ProviderSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

class BackboneContractTest {

    private static final ModelDims DIMS = new ModelDims(30, 1, 16, 8);
    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    static Backbone build(String name) {
        Map<String, BackboneProvider> providers = ServiceLoader.load(BackboneProvider.class).stream()
                .map(ServiceLoader.Provider::get).collect(Collectors.toMap(BackboneProvider::name, p -> p));
        Engine.getInstance().setRandomSeed(7);
        Backbone backbone = providers.get(name).create(DIMS, settings(name, "layers = 2, heads = 2, hidden-dropout = 0.2,"
                + " attention-dropout = 0.2, "
                + "last-position-layout = same, attention-layout = grouped, gru-hidden-size = 16, dropout = 0.2, padding = zero,"
                + " last-block = last-position"));
        backbone.initialize(manager);
        return backbone;
    }

    /** A backbone's settings from HOCON. */
    static ProviderSettings settings(String backbone, String hocon) {
        return new ProviderSettings(ConfigFactory.parseString(hocon), "seqaug.backbone." + backbone);
    }

    private static NDArray ids(NDManager m, int[][] rows) {
        int length = rows[0].length;
        int[] flat = new int[rows.length * length];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * length, length);
        }
        return m.create(flat, new Shape(rows.length, length));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sasrec", "gru4rec", "fmlp-rec"})
    void encodeEmbeddedOfOwnEmbeddingsEqualsEncode(String name) {
        Backbone backbone = build(name);
        try (NDManager step = manager.newSubManager()) {
            NDArray x = ids(step, new int[][] {{0, 0, 0, 3, 4, 5, 6, 7}, {1, 2, 3, 4, 5, 6, 7, 8}});
            NDArray a = backbone.encode(x, false);
            NDArray b = backbone.encodeEmbedded(backbone.embed(x), x, false);
            assertThat(a.getShape()).isEqualTo(new Shape(2, 8, 16));
            assertThat(a.sub(b).abs().max().getFloat()).isEqualTo(0f);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sasrec", "gru4rec", "fmlp-rec"})
    void encodeEmbeddedAtItemsEqualsEncodeEmbeddedAtRealItems(String name) {
        Backbone backbone = build(name);
        try (NDManager step = manager.newSubManager()) {
            NDArray x = ids(step, new int[][] {{0, 0, 0, 3, 4, 5, 6, 7}, {1, 2, 3, 4, 5, 6, 7, 8}});
            NDArray full = backbone.encodeEmbedded(backbone.embed(x), x, false);
            NDArray atItems = backbone.encodeEmbeddedAtItems(backbone.embed(x), x, false);
            NDArray real = x.gt(0).expandDims(-1);
            assertThat(atItems.getShape()).isEqualTo(full.getShape());
            assertThat(atItems.sub(full).mul(real).abs().max().getFloat()).isLessThan(1e-5f);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sasrec", "gru4rec", "fmlp-rec"})
    void encodeLastIsTheLastPositionOfEncode(String name) {
        Backbone backbone = build(name);
        try (NDManager step = manager.newSubManager()) {
            NDArray x = ids(step, new int[][] {{0, 0, 0, 3, 4, 5, 6, 7}, {1, 2, 3, 4, 5, 6, 7, 8}, {0, 0, 0, 0, 0, 0, 0, 9}});
            NDArray full = backbone.encode(x, false).get(new NDIndex(":, 7, :"));
            NDArray last = backbone.encodeLast(x);
            assertThat(last.getShape()).isEqualTo(new Shape(3, 16));
            assertThat(last.sub(full).abs().max().getFloat()).isLessThan(1e-5f);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sasrec", "gru4rec"})
    void outputsDoNotSeeTheFuture(String name) {
        Backbone backbone = build(name);
        try (NDManager step = manager.newSubManager()) {
            NDArray a = backbone.encode(ids(step, new int[][] {{0, 0, 3, 4, 5, 6, 7, 8}}), false);
            NDArray b = backbone.encode(ids(step, new int[][] {{0, 0, 3, 4, 5, 19, 20, 21}}), false);
            NDIndex past = new NDIndex(":, 2:5");
            assertThat(a.get(past).sub(b.get(past)).abs().max().getFloat()).isLessThan(1e-6f);
            assertThat(a.get(":, 5:").sub(b.get(":, 5:")).abs().max().getFloat()).isGreaterThan(1e-4f);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sasrec", "gru4rec"})
    void outputsAtRealItemsIgnoreExtraLeftPadding(String name) {
        Backbone backbone = build(name);
        try (NDManager step = manager.newSubManager()) {
            NDArray shortPad = backbone.encode(ids(step, new int[][] {{0, 4, 5, 6}}), false);
            NDArray longPad = backbone.encode(ids(step, new int[][] {{0, 0, 0, 0, 0, 4, 5, 6}}), false);
            float diff = shortPad.get(":, 1:").sub(longPad.get(":, 5:")).abs().max().getFloat();
            assertThat(diff).isLessThan(1e-5f);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sasrec", "gru4rec", "fmlp-rec"})
    void gradientsReachEveryParameterButThePaddingRow(String name) {
        Backbone backbone = build(name);
        try (NDManager step = manager.newSubManager()) {
            NDArray x = ids(step, new int[][] {{0, 0, 1, 2, 3, 4, 5, 6}, {7, 8, 9, 10, 11, 12, 13, 14}});
            NDArray pos = ids(step, new int[][] {{0, 0, 2, 3, 4, 5, 6, 7}, {8, 9, 10, 11, 12, 13, 14, 15}});
            NDArray neg = ids(step, new int[][] {{0, 0, 20, 21, 22, 23, 24, 25}, {26, 27, 28, 29, 30, 20, 21, 22}});
            for (Parameter p : backbone.parameters()) {
                p.getArray().setRequiresGradient(true);
            }
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = backbone.encode(x, true);
                NDArray loss = NextItemLoss.bce().mean(out, backbone.embed(pos), backbone.embed(neg),
                        pos.gt(0).toType(ai.djl.ndarray.types.DataType.FLOAT32, false), null);
                gc.backward(loss);
            }
            for (Parameter p : backbone.parameters()) {
                NDArray grad = p.getArray().getGradient();
                grad.attach(step);
                assertThat(grad.abs().sum().getFloat()).as(p.getName()).isGreaterThan(0f);
                if (p.getName().equals("item-embeddings")) {
                    assertThat(grad.get("0").abs().sum().getFloat()).as("padding row").isEqualTo(0f);
                }
                grad.subi(grad);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sasrec", "gru4rec", "fmlp-rec"})
    void sameSeedGivesSameParameters(String name) {
        float first = build(name).parameters().get(1).getArray().sum().getFloat();
        float second = build(name).parameters().get(1).getArray().sum().getFloat();
        assertThat(first).isCloseTo(second, within(0f));
    }
}
