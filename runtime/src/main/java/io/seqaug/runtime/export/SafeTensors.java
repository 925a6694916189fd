package io.seqaug.runtime.export;

import io.seqaug.runtime.report.AtomicFiles;
import io.seqaug.runtime.report.Json;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the safetensors format (<a href="https://github.com/huggingface/safetensors">its
 * specification</a>): an unsigned 64-bit little-endian header length, a UTF-8 JSON header that
 * names each tensor's dtype, shape and byte range, then the tensors' raw little-endian bytes one
 * after another. Only float32 tensors are written; the {@code __metadata__} entry maps strings to
 * strings.
 */
public final class SafeTensors {

    /** The header is padded with spaces so that the data starts on an 8-byte boundary. */
    private static final int ALIGNMENT = 8;

    private SafeTensors() {}

    /**
     * One float32 tensor.
     *
     * @param shape its dimensions (row-major)
     * @param values its values, {@code product(shape)} of them
     */
    public record Tensor(long[] shape, float[] values) {

        /** Checks that the values fill the shape. */
        public Tensor {
            long product = 1;
            for (long d : shape) {
                if (d < 0) {
                    throw new IllegalArgumentException("negative dimension in shape " + java.util.Arrays.toString(shape));
                }
                product *= d;
            }
            if (product != values.length) {
                throw new IllegalArgumentException(values.length + " values do not fill shape "
                        + java.util.Arrays.toString(shape));
            }
        }
    }

    /**
     * The header text for the given tensors and metadata, before padding.
     *
     * @param tensors tensors by name, in file order
     * @param metadata string entries for {@code __metadata__} (omitted when empty)
     * @return the JSON header
     */
    static String header(Map<String, Tensor> tensors, Map<String, String> metadata) {
        Map<String, Object> header = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            header.put("__metadata__", metadata);
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                throw new IllegalArgumentException("a tensor may not be named __metadata__");
            }
            long end = offset + (long) e.getValue().values().length * Float.BYTES;
            List<Long> shape = new ArrayList<>();
            for (long d : e.getValue().shape()) {
                shape.add(d);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", "F32");
            entry.put("shape", shape);
            entry.put("data_offsets", List.of(offset, end));
            header.put(e.getKey(), entry);
            offset = end;
        }
        return Json.write(header);
    }

    /**
     * Writes a file atomically: a reader never sees a partial file, and a failure leaves none.
     *
     * @param file the target
     * @param tensors tensors by name, in file order
     * @param metadata string entries for {@code __metadata__}
     * @throws IOException when writing fails
     */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        byte[] json = header(tensors, metadata).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        byte[] headerBytes = new byte[padded];
        System.arraycopy(json, 0, headerBytes, 0, json.length);
        java.util.Arrays.fill(headerBytes, json.length, padded, (byte) ' ');
        AtomicFiles.write(file, raw -> {
            OutputStream out = new BufferedOutputStream(raw, 1 << 16);
            out.write(ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
            out.write(headerBytes);
            for (Tensor t : tensors.values()) {
                ByteBuffer bytes = ByteBuffer.allocate(t.values().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                bytes.asFloatBuffer().put(t.values());
                out.write(bytes.array());
            }
            out.flush();
        });
    }
}
