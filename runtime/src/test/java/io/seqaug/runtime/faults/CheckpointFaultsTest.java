package io.seqaug.runtime.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqaug.api.ModelDims;
import io.seqaug.runtime.train.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Damaged checkpoints give one-line errors naming the file, never a crash or silent NaNs. */
class CheckpointFaultsTest {

    @TempDir
    Path dir;

    private static Checkpoint tiny(float value) {
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        values.put("w", new float[] {1f, value, 3f, 4f, 5f, 6f});
        shapes.put("w", new long[] {2, 3});
        return new Checkpoint("sasrec", new ModelDims(10, 1, 3, 4), "{\"seed\":1}", values, shapes);
    }

    private Path written(float value) throws IOException {
        Path file = dir.resolve("m.ckpt");
        tiny(value).write(file);
        return file;
    }

    @Test
    void roundTripKeepsEverything() throws IOException {
        Checkpoint back = Checkpoint.read(written(2f));
        assertThat(back.backbone()).isEqualTo("sasrec");
        assertThat(back.dims()).isEqualTo(new ModelDims(10, 1, 3, 4));
        assertThat(back.parameters().get("w")).containsExactly(1f, 2f, 3f, 4f, 5f, 6f);
        assertThat(back.shapes().get("w")).containsExactly(2, 3);
        assertThat(back.config()).isEqualTo("{\"seed\":1}");
    }

    @Test
    void aFlippedByteFailsTheChecksum() throws IOException {
        Path file = written(2f);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 20] ^= 0x40;
        Files.write(file, bytes);
        assertThatThrownBy(() -> Checkpoint.read(file)).isInstanceOf(IOException.class)
                .hasMessage(file + ": checkpoint is corrupt (checksum mismatch)");
    }

    @Test
    void aTruncatedFileIsNamed() throws IOException {
        Path file = written(2f);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, 30));
        assertThatThrownBy(() -> Checkpoint.read(file)).isInstanceOf(IOException.class).hasMessageStartingWith(file + ":")
                .hasMessageContaining("checkpoint is");
    }

    @Test
    void nanWeightsAreRejected() throws IOException {
        Path file = written(Float.NaN);
        assertThatThrownBy(() -> Checkpoint.read(file)).hasMessageContaining("parameter w holds NaN at index 1");
    }

    @Test
    void aHugeLengthFieldInAnUnchecksummedFileIsBoundedNotAllocated() throws IOException {
        // Format 1 had no checksum: a corrupted length must not reach the allocator.
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeInt(0x53514147);
        out.writeInt(1);
        out.writeUTF("sasrec");
        for (int d : new int[] {10, 1, 3, 4}) {
            out.writeInt(d);
        }
        out.writeInt(2);
        out.write(new byte[] {'{', '}'});
        out.writeInt(1);
        out.writeUTF("w");
        out.writeInt(1);
        out.writeLong(2_000_000_000L);
        out.writeInt(2_000_000_000);
        Path file = dir.resolve("old.ckpt");
        Files.write(file, buffer.toByteArray());
        assertThatThrownBy(() -> Checkpoint.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("checkpoint is corrupt (size of w 2000000000 exceeds");
    }

    @Test
    void otherFilesAndVersionsAreNamed() throws IOException {
        Path text = Files.writeString(dir.resolve("x.ckpt"), "hello world, not a model");
        assertThatThrownBy(() -> Checkpoint.read(text)).hasMessage(text + ": not a SeqAug checkpoint");
        Path future = dir.resolve("f.ckpt");
        Files.write(future, ByteBuffer.allocate(16).putInt(0x53514147).putInt(9).array());
        assertThatThrownBy(() -> Checkpoint.read(future)).hasMessageContaining("unsupported checkpoint version 9");
        assertThatThrownBy(() -> Checkpoint.read(dir.resolve("missing.ckpt"))).hasMessageContaining("no such checkpoint");
        assertThat(Files.exists(dir.resolve("missing.ckpt"))).isFalse();
    }
}
