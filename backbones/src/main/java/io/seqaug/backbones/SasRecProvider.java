package io.seqaug.backbones;

import io.seqaug.api.Backbone;
import io.seqaug.api.BackboneProvider;
import io.seqaug.api.ModelDims;
import io.seqaug.api.ProviderSettings;

/**
 * Provides {@code sasrec}. Settings: {@code layers}, {@code heads}, {@code hidden-dropout}, {@code attention-dropout},
 * {@code attention-layout}, {@code last-position-layout}, {@code padding}.
 */
public final class SasRecProvider implements BackboneProvider {

    @Override
    public String name() {
        return "sasrec";
    }

    @Override
    public String description() {
        return "SASRec: causal self-attention Transformer (post-LN, GELU)";
    }

    @Override
    public Backbone create(ModelDims dims, ProviderSettings settings) {
        boolean grouped = settings.oneOf("attention-layout", "grouped", "padded").equals("grouped");
        boolean publishedPadding = settings.oneOf("padding", "zero", "published").equals("published");
        if (grouped && publishedPadding) {
            throw settings.invalid("padding", "= published needs " + settings.fullKey("attention-layout")
                    + " = padded (it computes every padding position over the padded batch)");
        }
        return new SasRec(dims, new SasRec.Settings(settings.integer("layers", 1, 64), settings.integer("heads", 1, 64),
                (float) settings.number("hidden-dropout", 0, 0.99), (float) settings.number("attention-dropout", 0, 0.99),
                grouped, publishedPadding, settings.oneOf("last-position-layout", "same", "padded").equals("same")));
    }
}
