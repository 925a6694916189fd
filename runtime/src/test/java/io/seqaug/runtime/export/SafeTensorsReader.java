package io.seqaug.runtime.export;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, independent safetensors reader for the tests: it parses the header as strict JSON and
 * checks that the byte ranges tile the data exactly, as the reference implementation does.
 *
 * @param tensors tensors by name
 * @param metadata the {@code __metadata__} entries
 * @param headerLength the header's length in bytes, padding included
 */
public record SafeTensorsReader(Map<String, SafeTensors.Tensor> tensors, Map<String, String> metadata, long headerLength) {

    /**
     * Reads a file written by {@link SafeTensors}.
     *
     * @param file the file
     * @return its content
     * @throws IOException when it cannot be read
     */
    public static SafeTensorsReader read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        long n = ByteBuffer.wrap(all, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        String json = new String(all, 8, (int) n, StandardCharsets.UTF_8);
        Config header = ConfigFactory.parseString(json, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON));
        Map<String, String> metadata = new LinkedHashMap<>();
        if (header.hasPath("__metadata__")) {
            header.getObject("__metadata__").forEach((k, v) -> metadata.put(k, (String) v.unwrapped()));
        }
        int dataStart = 8 + (int) n;
        Map<String, long[]> shapes = new LinkedHashMap<>();
        Map<String, long[]> ranges = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> e : header.root().entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            Config entry = header.getConfig("\"" + e.getKey() + "\"");
            if (!entry.getString("dtype").equals("F32")) {
                throw new IOException("unexpected dtype " + entry.getString("dtype"));
            }
            shapes.put(e.getKey(), entry.getLongList("shape").stream().mapToLong(Long::longValue).toArray());
            List<Long> offsets = entry.getLongList("data_offsets");
            ranges.put(e.getKey(), new long[] {offsets.get(0), offsets.get(1)});
        }
        // The ranges, in offset order, must cover the data without gaps or overlaps.
        long expected = 0;
        for (long[] r : ranges.values().stream().sorted((a, b) -> Long.compare(a[0], b[0])).toList()) {
            if (r[0] != expected) {
                throw new IOException("data_offsets leave a gap or overlap at " + expected);
            }
            expected = r[1];
        }
        if (dataStart + expected != all.length) {
            throw new IOException("data is " + (all.length - dataStart) + " bytes, header covers " + expected);
        }
        Map<String, SafeTensors.Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : ranges.entrySet()) {
            long[] r = e.getValue();
            float[] values = new float[(int) ((r[1] - r[0]) / 4)];
            ByteBuffer.wrap(all, dataStart + (int) r[0], (int) (r[1] - r[0])).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer()
                    .get(values);
            tensors.put(e.getKey(), new SafeTensors.Tensor(shapes.get(e.getKey()), values));
        }
        return new SafeTensorsReader(tensors, metadata, n);
    }
}
