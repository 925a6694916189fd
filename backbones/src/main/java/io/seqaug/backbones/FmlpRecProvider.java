package io.seqaug.backbones;

import com.typesafe.config.Config;
import io.seqaug.api.Backbone;
import io.seqaug.api.BackboneProvider;
import io.seqaug.api.ModelDims;

/** Provides {@code fmlp-rec}. Settings: {@code layers}, {@code hidden-dropout}. */
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
    public Backbone create(ModelDims dims, Config config) {
        return new FmlpRec(dims, new FmlpRec.Settings(config.getInt("layers"), (float) config.getDouble("hidden-dropout")));
    }
}
