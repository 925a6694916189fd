package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqaug.runtime.export.SafeTensorsReader;
import io.seqaug.runtime.train.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** {@code seqaug export} on models that were really trained. */
class ExportTest {

    @TempDir
    Path dir;

    private Path trained(String backbone) {
        CliTestSupport.Run train = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "train",
                "-Dseqaug.model.backbone=" + backbone, "-Dseqaug.train.stage1.epochs=1", "-Dseqaug.train.stage2.epochs=0",
                "-Dseqaug.run-name=" + backbone));
        assertThat(train.code()).as(train.err()).isZero();
        return dir.resolve(backbone + "/best.ckpt");
    }

    @Test
    void seqaugNamesReadBackEqualToTheCheckpointBitForBit() throws IOException {
        Path checkpoint = trained("fmlp-rec");
        Path out = dir.resolve("fmlp.safetensors");
        CliTestSupport.Run export = CliTestSupport.run("export", "--checkpoint", checkpoint.toString(), "--out", out.toString(),
                "--names", "seqaug");
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).startsWith("wrote " + out + ": fmlp-rec, ");
        Checkpoint saved = Checkpoint.read(checkpoint);
        SafeTensorsReader back = SafeTensorsReader.read(out);
        assertThat(back.tensors().keySet()).containsExactlyInAnyOrderElementsOf(saved.parameters().keySet());
        saved.parameters().forEach((name, values) -> {
            assertThat(back.tensors().get(name).values()).as(name).isEqualTo(values);
            assertThat(back.tensors().get(name).shape()).as(name).isEqualTo(saved.shapes().get(name));
        });
        assertThat(back.metadata()).containsEntry("backbone", "fmlp-rec").containsEntry("names", "seqaug")
                .containsEntry("item_count", Integer.toString(saved.dims().itemCount()));
        assertThat(back.metadata().get("seqaug_commit")).isNotBlank();
    }

    @Test
    void publishedNamesOfATrainedSasRecHoldEveryValueOnce() throws IOException {
        Path checkpoint = trained("sasrec");
        Path out = dir.resolve("sasrec.safetensors");
        assertThat(CliTestSupport.run("export", "--checkpoint", checkpoint.toString(), "--out", out.toString()).code()).isZero();
        Checkpoint saved = Checkpoint.read(checkpoint);
        SafeTensorsReader back = SafeTensorsReader.read(out);
        long savedValues = saved.parameters().values().stream().mapToLong(v -> v.length).sum();
        long exportedValues = back.tensors().values().stream().mapToLong(t -> t.values().length).sum();
        assertThat(exportedValues).isEqualTo(savedValues);
        int h = saved.dims().hiddenSize();
        float[] fused = saved.parameters().get("block1.attention.query-key-value.weight");
        assertThat(back.tensors().get("item_encoder.layer.1.attention.key.weight").values())
                .isEqualTo(Arrays.copyOfRange(fused, h * h, 2 * h * h));
        float[] table = saved.parameters().get("item-embeddings");
        float[] exported = back.tensors().get("item_embeddings.weight").values();
        assertThat(Arrays.copyOfRange(exported, 0, h)).containsOnly(0f);
        assertThat(Arrays.copyOfRange(exported, h, exported.length)).isEqualTo(Arrays.copyOfRange(table, h, table.length));
        assertThat(back.metadata()).containsEntry("padding", "zero").containsEntry("heads", "2").containsEntry("layers", "2");
    }

    @Test
    void publishedNamesOfAGru4RecAreTheTorchGrusAndItsDenseLayer() throws IOException {
        Path out = dir.resolve("gru.safetensors");
        CliTestSupport.Run export = CliTestSupport.run("export", "--checkpoint", trained("gru4rec").toString(), "--out",
                out.toString());
        assertThat(export.code()).as(export.err()).isZero();
        SafeTensorsReader back = SafeTensorsReader.read(out);
        assertThat(back.tensors().keySet()).containsExactlyInAnyOrder("item_embeddings.weight", "gru_layers.weight_ih_l0",
                "gru_layers.weight_hh_l0", "dense.weight", "dense.bias");
        assertThat(back.tensors().get("gru_layers.weight_ih_l0").shape()).containsExactly(3 * 128, 32);
        assertThat(back.metadata()).containsEntry("gru_hidden_size", "128");
    }

    @Test
    void badInputIsOneLineAndLeavesNoFile() throws IOException {
        Path out = dir.resolve("x.safetensors");
        CliTestSupport.Run folder = CliTestSupport.run("export", "--checkpoint", dir.toString(), "--out", out.toString());
        assertThat(folder.code()).isEqualTo(2);
        assertThat(folder.err()).isEqualTo("seqaug: configuration error: " + dir
                + ": is a folder; --checkpoint takes a .ckpt file (for example " + dir.resolve("best.ckpt") + ")\n");
        Path garbage = dir.resolve("garbage.ckpt");
        Files.writeString(garbage, "not a checkpoint");
        CliTestSupport.Run corrupt = CliTestSupport.run("export", "--checkpoint", garbage.toString(), "--out", out.toString());
        assertThat(corrupt.code()).isEqualTo(2);
        assertThat(corrupt.err()).contains(garbage + ": not a SeqAug checkpoint");
        CliTestSupport.Run names = CliTestSupport.run("export", "--checkpoint", garbage.toString(), "--out", out.toString(),
                "--names", "torch");
        assertThat(names.code()).isEqualTo(2);
        assertThat(names.err()).contains("--names must be published or seqaug, got 'torch'");
        assertThat(out).doesNotExist();
        try (var listing = Files.list(dir)) {
            assertThat(listing.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }
}
