package io.seqaug.backbones;

import io.seqaug.api.Backbone;
import io.seqaug.api.BackboneProvider;
import io.seqaug.api.ModelDims;
import io.seqaug.api.ProviderSettings;

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
    public Backbone create(ModelDims dims, ProviderSettings settings) {
        return new Gru4Rec(dims, new Gru4Rec.Settings(settings.integer("layers", 1, 64),
                settings.integer("gru-hidden-size", 1, 65536), (float) settings.number("dropout", 0, 0.99),
                settings.oneOf("padding", "zero", "published").equals("published")));
    }
}
