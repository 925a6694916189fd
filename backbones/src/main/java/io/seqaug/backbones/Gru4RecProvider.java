package io.seqaug.backbones;

import com.typesafe.config.Config;
import io.seqaug.api.Backbone;
import io.seqaug.api.BackboneProvider;
import io.seqaug.api.ModelDims;

/** Provides {@code gru4rec}. Settings: {@code layers}, {@code gru-hidden-size}, {@code dropout}, {@code padding}. */
public final class Gru4RecProvider implements BackboneProvider {

    @Override
    public String name() {
        return "gru4rec";
    }

    @Override
    public String description() {
        return "GRU4Rec: bias-free GRU over item embeddings, dense output layer";
    }

    @Override
    public Backbone create(ModelDims dims, Config config) {
        return new Gru4Rec(dims, new Gru4Rec.Settings(config.getInt("layers"), config.getInt("gru-hidden-size"),
                (float) config.getDouble("dropout"), padding(config)));
    }

    private static boolean padding(Config config) {
        String padding = config.hasPath("padding") ? config.getString("padding") : "zero";
        return switch (padding) {
            case "zero" -> false;
            case "published" -> true;
            default -> throw new IllegalArgumentException(
                    "seqaug.backbone.gru4rec.padding must be zero or published, got '" + padding + "'");
        };
    }
}
