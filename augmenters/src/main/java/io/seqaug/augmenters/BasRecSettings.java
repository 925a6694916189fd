package io.seqaug.augmenters;

import com.typesafe.config.Config;

import java.util.List;

/**
 * The settings of the {@code basrec} augmenter; see {@code reference.conf} for each key.
 *
 * @param singleSequence whether single-sequence augmentation is on
 * @param pairs pairs of augmented copies per sequence (copies = 2 x pairs)
 * @param operator the operator applied to each copy
 * @param singleMixup the mixup of original and augmented item embeddings
 * @param weighting the weighting of the copies' losses
 * @param singleReduction how the copies' weighted losses are reduced to one number
 * @param singleWeight the weight of the single-sequence loss
 * @param crossSequence whether cross-sequence augmentation is on
 * @param wholeLevel how many times each cross mixup is applied
 * @param crossMixups the mixups applied to the batch's outputs
 * @param crossWeight the weight of the cross-sequence loss
 * @param beta the parameter of Beta(beta, beta)
 * @param rateMin the smallest operator rate
 * @param rateMax the largest operator rate
 */
public record BasRecSettings(boolean singleSequence, int pairs, String operator, String singleMixup, String weighting,
        SingleReduction singleReduction, double singleWeight, boolean crossSequence, int wholeLevel, List<String> crossMixups, double crossWeight,
        double beta, double rateMin, double rateMax) {

    /** Validates ranges, naming the key. */
    public BasRecSettings {
        require(pairs >= 1, "n-pairs must be >= 1, got " + pairs);
        require(wholeLevel >= 1, "n-whole-level must be >= 1, got " + wholeLevel);
        require(beta > 0, "beta must be positive, got " + beta);
        require(rateMin >= 0 && rateMin <= rateMax && rateMax <= 1,
                "need 0 <= rate-min <= rate-max <= 1, got " + rateMin + ".." + rateMax);
        require(singleWeight >= 0 && crossWeight >= 0, "loss weights must be >= 0");
        require(singleSequence || crossSequence, "single-sequence and cross-sequence are both off: use augmenter none");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("seqaug.augmenter.basrec: " + message);
        }
    }

    /**
     * Reads the settings.
     *
     * @param c the {@code seqaug.augmenter.basrec} subtree
     * @return the settings
     */
    public static BasRecSettings from(Config c) {
        return new BasRecSettings(c.getBoolean("single-sequence"), c.getInt("n-pairs"), c.getString("operator"),
                c.getString("single-mixup"), c.getString("weighting"),
                SingleReduction.parse(c.getString("single-reduction")), c.getDouble("single-weight"),
                c.getBoolean("cross-sequence"), c.getInt("n-whole-level"), c.getStringList("cross-mixups"),
                c.getDouble("cross-weight"), c.getDouble("beta"), c.getDouble("rate-min"), c.getDouble("rate-max"));
    }
}
