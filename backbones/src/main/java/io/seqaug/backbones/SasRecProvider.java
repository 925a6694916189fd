package io.seqaug.backbones;

import com.typesafe.config.Config;
import io.seqaug.api.Backbone;
import io.seqaug.api.BackboneProvider;
import io.seqaug.api.ModelDims;

/** Provides {@code sasrec}. Settings: {@code layers}, {@code heads}, {@code hidden-dropout}, {@code attention-dropout}. */
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
    public Backbone create(ModelDims dims, Config config) {
        return new SasRec(dims, new SasRec.Settings(config.getInt("layers"), config.getInt("heads"),
                (float) config.getDouble("hidden-dropout"), (float) config.getDouble("attention-dropout")));
    }
}
