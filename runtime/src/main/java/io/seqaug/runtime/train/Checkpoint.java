package io.seqaug.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.seqaug.api.Backbone;
import io.seqaug.api.ModelDims;
import io.seqaug.api.Tensors;
import io.seqaug.runtime.report.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A saved backbone: its name, dimensions, the effective configuration it was trained with, and
 * every parameter by name. Written atomically.
 *
 * @param backbone the backbone provider name
 * @param dims the model dimensions
 * @param config the effective configuration, rendered as HOCON
 * @param parameters parameter values by name (shapes checked on load)
 * @param shapes parameter shapes by name
 */
public record Checkpoint(String backbone, ModelDims dims, String config, Map<String, float[]> parameters,
        Map<String, long[]> shapes) {

    private static final int MAGIC = 0x53514147; // "SQAG"
    private static final int VERSION = 1;

    /**
     * Captures a backbone's current parameters.
     *
     * @param backboneName the provider name
     * @param backbone the backbone
     * @param config the effective configuration as HOCON text
     * @return the checkpoint (a copy; later training does not change it)
     */
    public static Checkpoint capture(String backboneName, Backbone backbone, String config) {
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (Parameter p : backbone.parameters()) {
            values.put(p.getName(), p.getArray().toFloatArray());
            shapes.put(p.getName(), p.getArray().getShape().getShape());
        }
        return new Checkpoint(backboneName, backbone.dims(), config, values, shapes);
    }

    /**
     * Copies the values into a backbone with the same parameter names and shapes.
     *
     * @param target the backbone (initialized)
     * @throws IllegalArgumentException naming the first parameter that is missing or misshapen
     */
    public void restoreInto(Backbone target) {
        if (!target.dims().equals(dims)) {
            throw new IllegalArgumentException("checkpoint dimensions " + dims + " differ from the model's " + target.dims());
        }
        for (Parameter p : target.parameters()) {
            float[] values = parameters.get(p.getName());
            if (values == null) {
                throw new IllegalArgumentException("checkpoint has no parameter " + p.getName());
            }
            NDArray array = p.getArray();
            if (!array.getShape().equals(new Shape(shapes.get(p.getName())))) {
                throw new IllegalArgumentException("parameter " + p.getName() + " has shape "
                        + new Shape(shapes.get(p.getName())) + " in the checkpoint but " + array.getShape() + " in the model");
            }
            Tensors.assign(array, values);
        }
    }

    /**
     * Writes the checkpoint atomically.
     *
     * @param file the target
     * @throws IOException when writing fails
     */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(backbone);
            out.writeInt(dims.itemCount());
            out.writeInt(dims.extraItems());
            out.writeInt(dims.hiddenSize());
            out.writeInt(dims.maxLength());
            byte[] configBytes = config.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(configBytes.length);
            out.write(configBytes);
            out.writeInt(parameters.size());
            for (Map.Entry<String, float[]> e : parameters.entrySet()) {
                out.writeUTF(e.getKey());
                long[] shape = shapes.get(e.getKey());
                out.writeInt(shape.length);
                for (long d : shape) {
                    out.writeLong(d);
                }
                float[] values = e.getValue();
                out.writeInt(values.length);
                for (float v : values) {
                    out.writeFloat(v);
                }
            }
            out.flush();
        });
    }

    /**
     * Reads a checkpoint.
     *
     * @param file the file
     * @return the checkpoint
     * @throws IOException when the file is missing, truncated or not a checkpoint, naming the file
     */
    public static Checkpoint read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + ": not a SeqAug checkpoint");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(file + ": unsupported checkpoint version " + version);
            }
            String backbone = in.readUTF();
            ModelDims dims = new ModelDims(in.readInt(), in.readInt(), in.readInt(), in.readInt());
            byte[] configBytes = new byte[in.readInt()];
            in.readFully(configBytes);
            int count = in.readInt();
            Map<String, float[]> values = new LinkedHashMap<>();
            Map<String, long[]> shapes = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                long[] shape = new long[in.readInt()];
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = in.readLong();
                }
                float[] v = new float[in.readInt()];
                for (int k = 0; k < v.length; k++) {
                    v[k] = in.readFloat();
                }
                values.put(name, v);
                shapes.put(name, shape);
            }
            return new Checkpoint(backbone, dims, new String(configBytes, java.nio.charset.StandardCharsets.UTF_8),
                    values, shapes);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such checkpoint", e);
        } catch (EOFException e) {
            throw new IOException(file + ": checkpoint is truncated", e);
        }
    }
}
