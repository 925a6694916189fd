package io.seqaug.runtime.export;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import io.seqaug.api.ModelDims;
import io.seqaug.runtime.config.RenamedKeys;
import io.seqaug.runtime.export.SafeTensors.Tensor;
import io.seqaug.runtime.train.Checkpoint;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A checkpoint laid out for use outside SeqAug: tensors under the names of the backbone's published
 * PyTorch module where it has one, and the model's settings as metadata. See
 * {@code docs/export.md} for the name mapping.
 *
 * @param tensors tensors by exported name, in file order
 * @param metadata the model's settings and provenance
 */
public record ModelExport(Map<String, Tensor> tensors, Map<String, String> metadata) {

    /** Version of this layout, recorded as {@code format} in the metadata. */
    public static final String FORMAT = "seqaug-export/1";

    /** How parameters are named in the file. */
    public enum Names {
        /** The published model's {@code state_dict} names where the backbone has them, else an error. */
        PUBLISHED,
        /** SeqAug's own parameter names and shapes, exactly as the checkpoint holds them (any backbone). */
        SEQAUG;

        /**
         * Parses a command-line value.
         *
         * @param text {@code published} or {@code seqaug}
         * @return the choice
         */
        public static Names parse(String text) {
            for (Names n : values()) {
                if (n.name().equalsIgnoreCase(text)) {
                    return n;
                }
            }
            throw new IllegalArgumentException("--names must be published or seqaug, got '" + text + "'");
        }
    }

    /** Backbones with a published PyTorch counterpart whose names the export follows. */
    public static final Set<String> PUBLISHED_LAYOUTS = Set.of("sasrec", "gru4rec");

    /**
     * Lays out a checkpoint.
     *
     * @param checkpoint the saved model
     * @param names how to name the tensors
     * @param commit the SeqAug commit that trained the model, or {@code unknown}
     * @return the export
     * @throws IllegalArgumentException for {@link Names#PUBLISHED} on a backbone without a published
     *     layout, or a checkpoint whose parameters do not match its backbone's layout
     */
    public static ModelExport of(Checkpoint checkpoint, Names names, String commit) {
        String backbone = checkpoint.backbone();
        if (names == Names.PUBLISHED && !PUBLISHED_LAYOUTS.contains(backbone)) {
            throw new IllegalArgumentException("backbone '" + backbone + "' has no published layout to export to (known: "
                    + String.join(", ", PUBLISHED_LAYOUTS.stream().sorted().toList())
                    + "); --names seqaug exports any backbone under its own parameter names");
        }
        Config settings = RenamedKeys.upgrade(ConfigFactory.parseString(checkpoint.config()));
        String padding = padding(settings, backbone);
        Map<String, Tensor> tensors = switch (names) {
            case SEQAUG -> asSaved(checkpoint);
            case PUBLISHED -> backbone.equals("sasrec") ? sasRec(checkpoint, padding) : gru4Rec(checkpoint, padding);
        };
        return new ModelExport(tensors, metadata(checkpoint, settings, names, padding, commit));
    }

    /** The padding treatment of backbones that have the setting, {@code none} otherwise. */
    private static String padding(Config settings, String backbone) {
        String key = "backbone." + backbone + ".padding";
        return settings.hasPath(key) ? settings.getString(key) : "none";
    }

    private static Map<String, Tensor> asSaved(Checkpoint checkpoint) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        checkpoint.parameters().forEach((name, values) -> out.put(name, new Tensor(checkpoint.shapes().get(name), values)));
        return out;
    }

    /**
     * SASRec under the names of the S3Rec/CoSeRec/BASRec {@code SASRecModel}: the fused query-key-value
     * projection {@code [3H, H]} is split into the three {@code [H, H]} projections (rows: queries, keys,
     * values), LayerNorm's gamma and beta become {@code weight} and {@code bias}. Linear weights are
     * {@code [out, in]} in both, so nothing is transposed.
     */
    private static Map<String, Tensor> sasRec(Checkpoint checkpoint, String padding) {
        Parameters p = new Parameters(checkpoint);
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put("item_embeddings.weight", itemTable(p, padding));
        out.put("position_embeddings.weight", p.take("position-embeddings"));
        norm(p, "input-norm", "LayerNorm", out);
        for (int l = 0; p.has("block" + l + ".attention.query-key-value.weight"); l++) {
            String from = "block" + l;
            String to = "item_encoder.layer." + l;
            Tensor w = p.take(from + ".attention.query-key-value.weight");
            Tensor b = p.take(from + ".attention.query-key-value.bias");
            String[] parts = {"query", "key", "value"};
            for (int k = 0; k < 3; k++) {
                out.put(to + ".attention." + parts[k] + ".weight", rows(w, k, 3));
                out.put(to + ".attention." + parts[k] + ".bias", rows(b, k, 3));
            }
            dense(p, from + ".attention.out", to + ".attention.dense", out);
            norm(p, from + ".attention.norm", to + ".attention.LayerNorm", out);
            dense(p, from + ".feed-forward.up", to + ".intermediate.dense_1", out);
            dense(p, from + ".feed-forward.down", to + ".intermediate.dense_2", out);
            norm(p, from + ".feed-forward.norm", to + ".intermediate.LayerNorm", out);
        }
        p.requireAllTaken();
        return out;
    }

    /**
     * GRU4Rec under the names of the BASRec code's {@code GRU4Rec} module: the bias-free
     * {@code nn.GRU} ({@code gru_layers}, gates in PyTorch's order r, z, n, as SeqAug's engine keeps
     * them) and the dense layer back to the embedding width.
     */
    private static Map<String, Tensor> gru4Rec(Checkpoint checkpoint, String padding) {
        Parameters p = new Parameters(checkpoint);
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put("item_embeddings.weight", itemTable(p, padding));
        for (int l = 0; p.has("gru" + l + ".weight-ih"); l++) {
            out.put("gru_layers.weight_ih_l" + l, p.take("gru" + l + ".weight-ih"));
            out.put("gru_layers.weight_hh_l" + l, p.take("gru" + l + ".weight-hh"));
        }
        dense(p, "dense", "dense", out);
        p.requireAllTaken();
        return out;
    }

    /**
     * The item table. With {@code padding = zero} SeqAug multiplies the padding row's embedding by
     * zero wherever it is looked up, so the row's stored value is never used; the export writes the
     * value the computation uses, zeros, so that the published module (which looks the row up as it
     * is) computes what SeqAug computes.
     */
    private static Tensor itemTable(Parameters p, String padding) {
        Tensor table = p.take("item-embeddings");
        if (!padding.equals("zero")) {
            return table;
        }
        float[] values = table.values().clone();
        Arrays.fill(values, 0, (int) table.shape()[1], 0f);
        return new Tensor(table.shape(), values);
    }

    private static void dense(Parameters p, String from, String to, Map<String, Tensor> out) {
        out.put(to + ".weight", p.take(from + ".weight"));
        out.put(to + ".bias", p.take(from + ".bias"));
    }

    private static void norm(Parameters p, String from, String to, Map<String, Tensor> out) {
        out.put(to + ".weight", p.take(from + ".gamma"));
        out.put(to + ".bias", p.take(from + ".beta"));
    }

    /** Part {@code index} of {@code parts} equal slices along the first axis. */
    private static Tensor rows(Tensor t, int index, int parts) {
        long[] shape = t.shape().clone();
        if (shape[0] % parts != 0) {
            throw new IllegalArgumentException("cannot split a tensor of shape " + Arrays.toString(t.shape()) + " into "
                    + parts + " parts");
        }
        shape[0] /= parts;
        int size = t.values().length / parts;
        return new Tensor(shape, Arrays.copyOfRange(t.values(), index * size, (index + 1) * size));
    }

    private static Map<String, String> metadata(Checkpoint checkpoint, Config settings, Names names, String padding,
            String commit) {
        ModelDims dims = checkpoint.dims();
        String backbone = checkpoint.backbone();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("backbone", backbone);
        m.put("names", names.name().toLowerCase(Locale.ROOT));
        m.put("item_count", Integer.toString(dims.itemCount()));
        m.put("table_rows", Integer.toString(dims.tableRows()));
        m.put("hidden_size", Integer.toString(dims.hiddenSize()));
        m.put("max_length", Integer.toString(dims.maxLength()));
        m.put("padding", padding);
        String section = "backbone." + backbone;
        if (settings.hasPath(section)) {
            settings.getConfig(section).entrySet().forEach(e ->
                    m.put(e.getKey().replace('-', '_'), String.valueOf(e.getValue().unwrapped())));
        }
        m.put("seqaug_commit", commit);
        m.put("settings", settings.root().render(ConfigRenderOptions.concise()));
        return m;
    }

    /** A checkpoint's parameters, each taken once, so that none is silently left out of an export. */
    private static final class Parameters {
        private final Checkpoint checkpoint;
        private final Set<String> taken = new HashSet<>();

        Parameters(Checkpoint checkpoint) {
            this.checkpoint = checkpoint;
        }

        boolean has(String name) {
            return checkpoint.parameters().containsKey(name);
        }

        Tensor take(String name) {
            float[] values = checkpoint.parameters().get(name);
            if (values == null) {
                throw new IllegalArgumentException("checkpoint of backbone '" + checkpoint.backbone()
                        + "' has no parameter " + name);
            }
            taken.add(name);
            return new Tensor(checkpoint.shapes().get(name), values);
        }

        void requireAllTaken() {
            for (String name : checkpoint.parameters().keySet()) {
                if (!taken.contains(name)) {
                    throw new IllegalArgumentException("parameter " + name + " of backbone '" + checkpoint.backbone()
                            + "' has no published name; --names seqaug exports it under its own name");
                }
            }
        }
    }
}
