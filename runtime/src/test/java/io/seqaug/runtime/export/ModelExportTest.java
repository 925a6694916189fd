package io.seqaug.runtime.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqaug.api.ModelDims;
import io.seqaug.runtime.train.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Layouts on tiny hand-made checkpoints whose every value is known. */
class ModelExportTest {

    @TempDir
    Path dir;

    /** Values 1, 2, 3, ... so that any slice can be checked by hand. */
    private static float[] counting(int n, float start) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = start + i;
        }
        return v;
    }

    /** A one-block SASRec with hidden size 2 over 3 items (5 table rows), max length 4. */
    private static Checkpoint sasRec(String padding) {
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        put(values, shapes, "item-embeddings", new long[] {5, 2}, 1);
        put(values, shapes, "position-embeddings", new long[] {4, 2}, 100);
        put(values, shapes, "input-norm.gamma", new long[] {2}, 200);
        put(values, shapes, "input-norm.beta", new long[] {2}, 210);
        put(values, shapes, "block0.attention.query-key-value.weight", new long[] {6, 2}, 300);
        put(values, shapes, "block0.attention.query-key-value.bias", new long[] {6}, 400);
        for (String dense : new String[] {"block0.attention.out", "block0.feed-forward.up", "block0.feed-forward.down"}) {
            put(values, shapes, dense + ".weight", new long[] {2, 2}, 500);
            put(values, shapes, dense + ".bias", new long[] {2}, 600);
        }
        for (String norm : new String[] {"block0.attention.norm", "block0.feed-forward.norm"}) {
            put(values, shapes, norm + ".gamma", new long[] {2}, 700);
            put(values, shapes, norm + ".beta", new long[] {2}, 800);
        }
        String config = "{model{backbone=sasrec,hidden-size=2,max-length=4},backbone{sasrec{layers=1,heads=1,padding="
                + padding + "}}}";
        return new Checkpoint("sasrec", new ModelDims(3, 1, 2, 4), config, values, shapes);
    }

    private static void put(Map<String, float[]> values, Map<String, long[]> shapes, String name, long[] shape, float start) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        values.put(name, counting((int) n, start));
        shapes.put(name, shape);
    }

    @Test
    void sasRecsFusedProjectionIsSplitIntoQueryKeyAndValueByRows() {
        ModelExport export = ModelExport.of(sasRec("published"), ModelExport.Names.PUBLISHED, "abc");
        // rows 0-1 of the [6, 2] weight are the queries, 2-3 the keys, 4-5 the values
        assertThat(export.tensors().get("item_encoder.layer.0.attention.query.weight").values()).containsExactly(300, 301, 302, 303);
        assertThat(export.tensors().get("item_encoder.layer.0.attention.key.weight").values()).containsExactly(304, 305, 306, 307);
        assertThat(export.tensors().get("item_encoder.layer.0.attention.value.weight").values()).containsExactly(308, 309, 310, 311);
        assertThat(export.tensors().get("item_encoder.layer.0.attention.value.bias").values()).containsExactly(404, 405);
        assertThat(export.tensors().get("item_encoder.layer.0.attention.value.weight").shape()).containsExactly(2, 2);
        assertThat(export.tensors().get("LayerNorm.weight").values()).containsExactly(200, 201);
        assertThat(export.tensors().get("LayerNorm.bias").values()).containsExactly(210, 211);
    }

    @Test
    void sasRecNamesAreThoseOfThePublishedStateDict() {
        ModelExport export = ModelExport.of(sasRec("zero"), ModelExport.Names.PUBLISHED, "abc");
        String l = "item_encoder.layer.0.";
        assertThat(export.tensors().keySet()).containsExactlyInAnyOrder("item_embeddings.weight", "position_embeddings.weight",
                "LayerNorm.weight", "LayerNorm.bias",
                l + "attention.query.weight", l + "attention.query.bias", l + "attention.key.weight", l + "attention.key.bias",
                l + "attention.value.weight", l + "attention.value.bias", l + "attention.dense.weight", l + "attention.dense.bias",
                l + "attention.LayerNorm.weight", l + "attention.LayerNorm.bias",
                l + "intermediate.dense_1.weight", l + "intermediate.dense_1.bias", l + "intermediate.dense_2.weight",
                l + "intermediate.dense_2.bias", l + "intermediate.LayerNorm.weight", l + "intermediate.LayerNorm.bias");
    }

    @Test
    void zeroPaddingExportsThePaddingRowAsTheZerosTheComputationUses() {
        float[] zero = ModelExport.of(sasRec("zero"), ModelExport.Names.PUBLISHED, "abc").tensors()
                .get("item_embeddings.weight").values();
        assertThat(zero).containsExactly(0, 0, 3, 4, 5, 6, 7, 8, 9, 10);
        float[] published = ModelExport.of(sasRec("published"), ModelExport.Names.PUBLISHED, "abc").tensors()
                .get("item_embeddings.weight").values();
        assertThat(published).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void seqaugNamesKeepEveryParameterAsSaved() {
        Checkpoint saved = sasRec("zero");
        ModelExport export = ModelExport.of(saved, ModelExport.Names.SEQAUG, "abc");
        assertThat(export.tensors().keySet()).containsExactlyElementsOf(saved.parameters().keySet());
        saved.parameters().forEach((name, values) -> {
            assertThat(export.tensors().get(name).values()).isEqualTo(values);
            assertThat(export.tensors().get(name).shape()).isEqualTo(saved.shapes().get(name));
        });
    }

    @Test
    void metadataHoldsTheModelsSizesSettingsAndCommit() {
        Map<String, String> m = ModelExport.of(sasRec("zero"), ModelExport.Names.PUBLISHED, "abc123").metadata();
        assertThat(m).containsEntry("format", ModelExport.FORMAT).containsEntry("backbone", "sasrec")
                .containsEntry("names", "published").containsEntry("item_count", "3").containsEntry("table_rows", "5")
                .containsEntry("hidden_size", "2").containsEntry("max_length", "4").containsEntry("padding", "zero")
                .containsEntry("layers", "1").containsEntry("heads", "1").containsEntry("seqaug_commit", "abc123");
        assertThat(m.get("settings")).startsWith("{").contains("\"max-length\":4");
    }

    @Test
    void aBackboneWithoutAPublishedLayoutIsRefusedUnlessItsOwnNamesAreAskedFor() {
        Checkpoint plugin = new Checkpoint("my-backbone", new ModelDims(3, 1, 2, 4), "{}",
                Map.of("w", new float[] {1, 2}), Map.of("w", new long[] {2}));
        assertThatThrownBy(() -> ModelExport.of(plugin, ModelExport.Names.PUBLISHED, "abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("backbone 'my-backbone' has no published layout to export to (known: gru4rec, sasrec); "
                        + "--names seqaug exports any backbone under its own parameter names");
        assertThat(ModelExport.of(plugin, ModelExport.Names.SEQAUG, "abc").tensors()).containsOnlyKeys("w");
        assertThat(ModelExport.of(plugin, ModelExport.Names.SEQAUG, "abc").metadata()).containsEntry("padding", "none");
    }

    @Test
    void aParameterThatTheLayoutDoesNotPlaceIsAnErrorNotADroppedTensor() {
        Checkpoint saved = sasRec("zero");
        Map<String, float[]> values = new LinkedHashMap<>(saved.parameters());
        Map<String, long[]> shapes = new LinkedHashMap<>(saved.shapes());
        values.put("block0.extra-gate", new float[] {1});
        shapes.put("block0.extra-gate", new long[] {1});
        Checkpoint extended = new Checkpoint("sasrec", saved.dims(), saved.config(), values, shapes);
        assertThatThrownBy(() -> ModelExport.of(extended, ModelExport.Names.PUBLISHED, "abc"))
                .hasMessage("parameter block0.extra-gate of backbone 'sasrec' has no published name; "
                        + "--names seqaug exports it under its own name");
    }

    @Test
    void theFileReadsBackBitForBitWithAValidJsonHeaderOnAnEightByteBoundary() throws IOException {
        ModelExport export = ModelExport.of(sasRec("published"), ModelExport.Names.PUBLISHED, "abc");
        Path file = dir.resolve("m.safetensors");
        SafeTensors.write(file, export.tensors(), export.metadata());
        SafeTensorsReader back = SafeTensorsReader.read(file);
        assertThat(back.headerLength() % 8).isZero();
        assertThat(back.metadata()).isEqualTo(export.metadata());
        assertThat(back.tensors().keySet()).containsExactlyInAnyOrderElementsOf(export.tensors().keySet());
        export.tensors().forEach((name, t) -> {
            assertThat(back.tensors().get(name).shape()).as(name).isEqualTo(t.shape());
            assertThat(back.tensors().get(name).values()).as(name).isEqualTo(t.values());
        });
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("m.safetensors");
        }
    }

    @Test
    void specialFloatsAndByteOrderSurviveTheRoundTrip() throws IOException {
        float[] values = {Float.MIN_VALUE, -0f, 1.0000001f, -3.4e38f, 0x1.fffffep-1f, 6};
        Path file = dir.resolve("t.safetensors");
        SafeTensors.write(file, Map.of("t", new SafeTensors.Tensor(new long[] {2, 3}, values)), Map.of());
        byte[] raw = Files.readAllBytes(file);
        // the first value's little-endian bytes follow the header: Float.MIN_VALUE is 0x00000001
        int data = 8 + (int) SafeTensorsReader.read(file).headerLength();
        assertThat(new byte[] {raw[data], raw[data + 1], raw[data + 2], raw[data + 3]}).containsExactly(1, 0, 0, 0);
        assertThat(SafeTensorsReader.read(file).tensors().get("t").values()).isEqualTo(values);
        assertThat(SafeTensorsReader.read(file).metadata()).isEmpty();
    }
}
