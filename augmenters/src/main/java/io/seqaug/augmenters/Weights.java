package io.seqaug.augmenters;

import io.seqaug.api.ProviderSettings;

/** Loss weights that must act: a weight of 0 would switch a method off while its name stays on the results. */
final class Weights {

    private Weights() {}

    /**
     * A provider's only loss weight, above 0.
     *
     * @param settings the provider's settings
     * @param key the weight's key
     * @return the weight, in (0, 1e6]
     * @throws IllegalArgumentException naming the key when it is 0 or out of range
     */
    static double only(ProviderSettings settings, String key) {
        double weight = settings.number(key, 0, 1e6);
        if (weight == 0) {
            throw settings.invalid(key, "is 0, which switches off the method's only loss: the run would train as "
                    + "augmenter none under this method's name; give a weight above 0 or use augmenter none");
        }
        return weight;
    }
}
