package io.seqaug.runtime.train;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.seqaug.api.Backbone;
import io.seqaug.api.ModelDims;
import io.seqaug.api.host.Tensors;
import io.seqaug.runtime.report.AtomicFiles;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A saved backbone: its name, dimensions, the effective configuration it was trained with, and
 * every parameter by name, and the content fingerprint of the data it was trained on. Written
 * atomically.
 *
 * @param backbone the backbone provider name
 * @param dims the model dimensions
 * @param config the effective configuration, rendered as HOCON
 * @param parameters parameter values by name (shapes checked on load)
 * @param shapes parameter shapes by name
 * @param data the training data's fingerprint ({@link io.seqaug.datasets.SequenceDataset#fingerprint()}),
 *     empty when not known (checkpoints before format 3, or not made from a dataset)
 */
public record Checkpoint(String backbone, ModelDims dims, String config, Map<String, float[]> parameters,
        Map<String, long[]> shapes, String data) {

    private static final int MAGIC = 0x53514147; // "SQAG"
    private static final int VERSION = 3;

    /**
     * A checkpoint that does not know its data.
     *
     * @param backbone the backbone provider name
     * @param dims the model dimensions
     * @param config the effective configuration
     * @param parameters parameter values by name
     * @param shapes parameter shapes by name
     */
    public Checkpoint(String backbone, ModelDims dims, String config, Map<String, float[]> parameters, Map<String, long[]> shapes) {
        this(backbone, dims, config, parameters, shapes, "");
    }

    /**
     * Captures a backbone's current parameters.
     *
     * @param backboneName the provider name
     * @param backbone the backbone
     * @param config the effective configuration as HOCON text
     * @param data the training data's fingerprint
     * @return the checkpoint (a copy; later training does not change it)
     */
    public static Checkpoint capture(String backboneName, Backbone backbone, String config, String data) {
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (Parameter p : backbone.parameters()) {
            values.put(p.getName(), p.getArray().toFloatArray());
            shapes.put(p.getName(), p.getArray().getShape().getShape());
        }
        return new Checkpoint(backboneName, backbone.dims(), config, values, shapes, data);
    }

    /**
     * A SHA-256 over the parameters' names, shapes and values (not the file: the same parameters
     * saved with other settings text, or copied elsewhere, have the same fingerprint).
     *
     * @return 64 hex digits
     */
    public String parametersFingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, float[]> e : parameters.entrySet()) {
                digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                long[] shape = shapes.get(e.getKey());
                ByteBuffer header = ByteBuffer.allocate(4 + 8 * shape.length);
                header.putInt(shape.length);
                for (long d : shape) {
                    header.putLong(d);
                }
                digest.update(header.array());
                ByteBuffer values = ByteBuffer.allocate(e.getValue().length * Float.BYTES);
                values.asFloatBuffer().put(e.getValue());
                digest.update(values.array());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Copies the values into a backbone with the same parameter names and shapes.
     *
     * @param target the backbone (initialized)
     * @throws IllegalArgumentException naming the first parameter that is missing or misshapen
     */
    public void restoreInto(Backbone target) {
        requireFits(target);
        for (Parameter p : target.parameters()) {
            Tensors.assign(p.getArray(), parameters.get(p.getName()));
        }
    }

    /**
     * Checks, without changing anything, that {@link #restoreInto} would succeed: the same dimensions,
     * and every parameter of the backbone present with its shape, none left over.
     *
     * @param target the backbone (initialized or not)
     * @throws IllegalArgumentException naming the first difference
     */
    public void requireFits(Backbone target) {
        if (!target.dims().equals(dims)) {
            throw new IllegalArgumentException("checkpoint dimensions " + dims + " differ from the model's " + target.dims());
        }
        for (Parameter p : target.parameters()) {
            float[] values = parameters.get(p.getName());
            if (values == null) {
                throw new IllegalArgumentException("checkpoint has no parameter " + p.getName());
            }
            Shape shape = p.isInitialized() ? p.getArray().getShape() : p.getShape();
            if (shape != null && !shape.equals(new Shape(shapes.get(p.getName())))) {
                throw new IllegalArgumentException("parameter " + p.getName() + " has shape "
                        + new Shape(shapes.get(p.getName())) + " in the checkpoint but " + shape + " in the model");
            }
        }
        if (parameters.size() != target.parameters().size()) {
            java.util.Set<String> extra = new java.util.TreeSet<>(parameters.keySet());
            target.parameters().forEach(p -> extra.remove(p.getName()));
            throw new IllegalArgumentException("checkpoint has parameters the model does not: " + String.join(", ", extra));
        }
    }

    /**
     * Writes the checkpoint atomically: a header (magic, format version), the payload, and the
     * CRC-32 of the payload.
     *
     * @param file the target
     * @throws IOException when writing fails
     */
    public void write(Path file) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
        DataOutputStream payload = new DataOutputStream(buffer);
        payload.writeUTF(backbone);
        payload.writeInt(dims.itemCount());
        payload.writeInt(dims.extraItems());
        payload.writeInt(dims.hiddenSize());
        payload.writeInt(dims.maxLength());
        byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
        payload.writeInt(configBytes.length);
        payload.write(configBytes);
        payload.writeUTF(data);
        payload.writeInt(parameters.size());
        for (Map.Entry<String, float[]> e : parameters.entrySet()) {
            payload.writeUTF(e.getKey());
            long[] shape = shapes.get(e.getKey());
            payload.writeInt(shape.length);
            for (long d : shape) {
                payload.writeLong(d);
            }
            float[] values = e.getValue();
            payload.writeInt(values.length);
            // In bulk, big-endian as DataOutputStream writes floats one by one (same bytes, about 10x faster).
            ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES);
            bytes.asFloatBuffer().put(values);
            payload.write(bytes.array());
        }
        payload.flush();
        byte[] bytes = buffer.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(bytes);
        AtomicFiles.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.write(bytes);
            out.writeLong(crc.getValue());
            out.flush();
        });
    }

    /**
     * Reads a checkpoint, checking its format version, its checksum (format 2 on), every length
     * against the file's size, every shape against its values, and every value for NaN or infinity.
     *
     * @param file the file
     * @return the checkpoint
     * @throws IOException with a one-line message naming the file and what is wrong
     */
    public static Checkpoint read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a folder, not a checkpoint (a run folder's model is "
                    + file.resolve("best.ckpt") + ")");
        }
        byte[] all;
        try {
            long size = Files.size(file);
            if (size > Integer.MAX_VALUE - 16) {
                throw new IOException(file + ": checkpoint of " + size + " bytes is larger than any SeqAug writes");
            }
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such checkpoint", e);
        }
        if (all.length < 8 || ByteBuffer.wrap(all, 0, 4).getInt() != MAGIC) {
            throw new IOException(file + ": not a SeqAug checkpoint");
        }
        int version = ByteBuffer.wrap(all, 4, 4).getInt();
        int end;
        if (version == VERSION || version == 2) {
            if (all.length < 16) {
                throw new IOException(file + ": checkpoint is truncated");
            }
            end = all.length - 8;
            CRC32 crc = new CRC32();
            crc.update(all, 8, end - 8);
            if (crc.getValue() != ByteBuffer.wrap(all, end, 8).getLong()) {
                throw new IOException(file + ": checkpoint is corrupt (checksum mismatch)");
            }
        } else if (version == 1) {
            end = all.length; // written before checksums; the bounds and value checks still apply
        } else {
            throw new IOException(file + ": unsupported checkpoint version " + version + " (this SeqAug reads 1 to "
                    + VERSION + ")");
        }
        try {
            return parse(file, new DataInputStream(new ByteArrayInputStream(all, 8, end - 8)), version);
        } catch (EOFException e) {
            throw new IOException(file + ": checkpoint is truncated", e);
        }
    }

    private static Checkpoint parse(Path file, DataInputStream in, int version) throws IOException {
        String backbone = in.readUTF();
        ModelDims dims = new ModelDims(in.readInt(), in.readInt(), in.readInt(), in.readInt());
        byte[] configBytes = new byte[bounded(file, in.readInt(), in.available(), "configuration")];
        in.readFully(configBytes);
        String data = version >= 3 ? in.readUTF() : "";
        int count = bounded(file, in.readInt(), in.available(), "parameter count");
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            long[] shape = new long[bounded(file, in.readInt(), 8, "rank of " + name)];
            long product = 1;
            for (int d = 0; d < shape.length; d++) {
                shape[d] = in.readLong();
                if (shape[d] < 0 || shape[d] > Integer.MAX_VALUE) {
                    throw new IOException(file + ": checkpoint is corrupt (parameter " + name + " has dimension " + shape[d] + ")");
                }
                product *= shape[d];
            }
            float[] v = new float[bounded(file, in.readInt(), in.available() / 4, "size of " + name)];
            if (v.length != product) {
                throw new IOException(file + ": checkpoint is corrupt (parameter " + name + " has " + v.length
                        + " values for shape " + java.util.Arrays.toString(shape) + ")");
            }
            byte[] raw = new byte[v.length * Float.BYTES];
            in.readFully(raw);
            ByteBuffer.wrap(raw).asFloatBuffer().get(v);
            for (int k = 0; k < v.length; k++) {
                if (!Float.isFinite(v[k])) {
                    throw new IOException(file + ": parameter " + name + " holds " + v[k] + " at index " + k
                            + "; the model it saved had diverged");
                }
            }
            values.put(name, v);
            shapes.put(name, shape);
        }
        return new Checkpoint(backbone, dims, new String(configBytes, StandardCharsets.UTF_8), values, shapes, data);
    }

    /** A length read from the file, checked against what is left of it. */
    private static int bounded(Path file, int value, int max, String what) throws IOException {
        if (value < 0 || value > max) {
            throw new IOException(file + ": checkpoint is corrupt (" + what + " " + value + " exceeds the "
                    + max + " that the file can hold)");
        }
        return value;
    }
}
