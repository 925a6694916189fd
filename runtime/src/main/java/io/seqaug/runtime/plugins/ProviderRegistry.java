package io.seqaug.runtime.plugins;

import io.seqaug.api.AugmenterProvider;
import io.seqaug.api.BackboneProvider;
import io.seqaug.api.LossWeightingProvider;
import io.seqaug.api.MixupStrategyProvider;
import io.seqaug.api.SequenceOperatorProvider;
import io.seqaug.runtime.config.ConfigError;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.TreeSet;

/**
 * Looks providers up by the names used in configuration, with errors that list what is available.
 */
public final class ProviderRegistry {

    private final Map<String, BackboneProvider> backbones;
    private final Map<String, AugmenterProvider> augmenters;
    private final Map<String, SequenceOperatorProvider> operators;
    private final Map<String, MixupStrategyProvider> mixups;
    private final Map<String, LossWeightingProvider> weightings;
    private final String pluginsFolder;

    /**
     * Created by Guice from the provider maps.
     *
     * @param backbones backbone providers by name
     * @param augmenters augmenter providers by name
     * @param operators operator providers by name
     * @param mixups mixup strategy providers by name
     * @param weightings loss weighting providers by name
     * @param discovery where they were found, for messages about one that was not
     */
    @Inject
    public ProviderRegistry(Map<String, BackboneProvider> backbones, Map<String, AugmenterProvider> augmenters,
            Map<String, SequenceOperatorProvider> operators, Map<String, MixupStrategyProvider> mixups,
            Map<String, LossWeightingProvider> weightings, PluginDiscovery discovery) {
        this.pluginsFolder = discovery.folderNote();
        this.backbones = backbones;
        this.augmenters = augmenters;
        this.operators = operators;
        this.mixups = mixups;
        this.weightings = weightings;
    }

    private <T> T pick(Map<String, T> map, String kind, String name) {
        T found = map.get(name);
        if (found == null) {
            throw new ConfigError("unknown " + kind + " '" + name + "'; available: "
                    + String.join(", ", new TreeSet<>(map.keySet())) + (pluginsFolder.isEmpty() ? "" : " (" + pluginsFolder + ")"));
        }
        return found;
    }

    /**
     * A backbone provider.
     *
     * @param name its name
     * @return the provider
     */
    public BackboneProvider backbone(String name) {
        return pick(backbones, "backbone", name);
    }

    /**
     * An augmenter provider.
     *
     * @param name its name
     * @return the provider
     */
    public AugmenterProvider augmenter(String name) {
        return pick(augmenters, "augmenter", name);
    }

    /**
     * Whether an augmenter provider has this name.
     *
     * @param name the name
     * @return true if one does
     */
    public boolean hasAugmenter(String name) {
        return augmenters.containsKey(name);
    }

    /**
     * An operator provider.
     *
     * @param name its name
     * @return the provider
     */
    public SequenceOperatorProvider operator(String name) {
        return pick(operators, "operator", name);
    }

    /**
     * A mixup strategy provider.
     *
     * @param name its name
     * @return the provider
     */
    public MixupStrategyProvider mixup(String name) {
        return pick(mixups, "mixup strategy", name);
    }

    /**
     * A loss weighting provider.
     *
     * @param name its name
     * @return the provider
     */
    public LossWeightingProvider weighting(String name) {
        return pick(weightings, "loss weighting", name);
    }
}
