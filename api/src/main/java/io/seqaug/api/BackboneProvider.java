package io.seqaug.api;

import com.typesafe.config.Config;

/**
 * Builds {@link Backbone}s. Registered in {@code META-INF/services/io.seqaug.api.BackboneProvider}.
 */
public interface BackboneProvider extends Provider {

    /**
     * Builds an uninitialized backbone.
     *
     * @param dims the model dimensions of the experiment
     * @param config this backbone's configuration subtree ({@code seqaug.backbone.<name>})
     * @return a new backbone; call {@link Backbone#initialize} before use
     */
    Backbone create(ModelDims dims, Config config);
}
