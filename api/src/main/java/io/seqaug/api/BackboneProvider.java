package io.seqaug.api;

/**
 * Builds {@link Backbone}s. Registered in {@code META-INF/services/io.seqaug.api.BackboneProvider}.
 */
public interface BackboneProvider extends Provider {

    /**
     * Builds an uninitialized backbone.
     *
     * @param dims the model dimensions of the experiment
     * @param settings this backbone's settings ({@code seqaug.backbone.<name>})
     * @return a new backbone; call {@link Backbone#initialize} before use
     */
    Backbone create(ModelDims dims, ProviderSettings settings);
}
