package io.seqaug.augmenters;

import io.seqaug.api.ProviderSettings;
import io.seqaug.augmenters.operators.RateRange;

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

    /** Checks what the reader cannot: at least one part switched on. */
    public BasRecSettings {
        if (!singleSequence && !crossSequence) {
            throw new IllegalArgumentException(
                    "seqaug.augmenter.basrec: single-sequence and cross-sequence are both off: use augmenter none");
        }
    }

    /**
     * Reads and checks the settings.
     *
     * @param s the {@code seqaug.augmenter.basrec} settings
     * @return the settings
     * @throws IllegalArgumentException naming the key and where it was set, for any value out of range
     */
    public static BasRecSettings from(ProviderSettings s) {
        RateRange rates = RateRange.from(s);
        BasRecSettings read = new BasRecSettings(s.flag("single-sequence"), s.integer("n-pairs", 1, 64), s.string("operator"),
                s.string("single-mixup"), s.string("weighting"),
                SingleReduction.parse(s.oneOf("single-reduction", SingleReduction.keys())),
                s.number("single-weight", 0, 1e6), s.flag("cross-sequence"), s.integer("n-whole-level", 1, 64),
                s.strings("cross-mixups"), s.number("cross-weight", 0, 1e6), s.number("beta", 1e-6, 1e6), rates.min(), rates.max());
        if (read.singleSequence() && read.singleWeight() == 0) {
            throw zeroWeight(s, "single");
        }
        if (read.crossSequence() && read.crossWeight() == 0) {
            throw zeroWeight(s, "cross");
        }
        return read;
    }

    private static IllegalArgumentException zeroWeight(ProviderSettings s, String part) {
        return s.invalid(part + "-weight", "is 0 while " + part + "-sequence = true: the part would be computed and count "
                + "for nothing; set " + part + "-sequence = false to leave it out");
    }
}
