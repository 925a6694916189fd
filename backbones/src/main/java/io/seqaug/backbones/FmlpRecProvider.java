package io.seqaug.backbones;

import io.seqaug.api.Backbone;
import io.seqaug.api.BackboneProvider;
import io.seqaug.api.ModelDims;
import io.seqaug.api.ProviderSettings;

/** Provides {@code fmlp-rec}. Settings: {@code layers}, {@code hidden-dropout}, {@code last-block}. */
public final class FmlpRecProvider implements BackboneProvider {

    @Override
    public String name() {
        return "fmlp-rec";
    }

    @Override
    public String description() {
        return "FMLP-Rec: learnable FFT filters instead of attention (non-causal, prefix training)";
    }

    @Override
    public Backbone create(ModelDims dims, ProviderSettings settings) {
        return new FmlpRec(dims, new FmlpRec.Settings(settings.integer("layers", 1, 64),
                (float) settings.number("hidden-dropout", 0, 0.99),
                settings.oneOf("last-block", "last-position", "every-position").equals("last-position")));
    }
}
