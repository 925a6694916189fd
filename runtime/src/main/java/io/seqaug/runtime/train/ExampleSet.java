package io.seqaug.runtime.train;

import io.seqaug.api.Backbone;
import io.seqaug.datasets.LeaveOneOutSplit;
import io.seqaug.datasets.TrainingExample;
import io.seqaug.runtime.config.Settings;

import java.util.List;
import java.util.Locale;

/**
 * What one training example is ({@code seqaug.train.examples}): a user's whole training sequence
 * with a next-item target at every position, or every prefix of it with its next item as the only
 * target (RecBole's and FMLP-Rec's training data). Both teach the same next items; prefixes give an
 * epoch one example per target, so an epoch has several times more steps, and augmenters that pair
 * examples by their target (DuoRec) find many more partners.
 */
public enum ExampleSet {
    /** Sequences for causal backbones, prefixes for the others. */
    AUTO,
    /** One example per user, targets at every position; causal backbones only. */
    SEQUENCES,
    /** One example per prefix, its only target at the last position. */
    PREFIXES;

    /**
     * Reads {@code seqaug.train.examples}.
     *
     * @param settings the settings
     * @return the set
     */
    public static ExampleSet from(Settings settings) {
        return valueOf(settings.oneOf("train.examples", "auto", "sequences", "prefixes").toUpperCase(Locale.ROOT));
    }

    /**
     * The concrete set for a backbone.
     *
     * @param backbone the backbone trained
     * @return {@link #SEQUENCES} or {@link #PREFIXES}
     * @throws IllegalArgumentException for sequences on a non-causal backbone, whose output at one
     *     position sees the later items: targets at every position would show it the answers
     */
    public ExampleSet resolve(Backbone backbone) {
        if (this == AUTO) {
            return backbone.causal() ? SEQUENCES : PREFIXES;
        }
        if (this == SEQUENCES && !backbone.causal()) {
            throw new IllegalArgumentException("is sequences, but the backbone is not causal: its output at a position "
                    + "sees the later items, so a target at every position would show it the answers; use prefixes or auto");
        }
        return this;
    }

    /**
     * The training examples of a split.
     *
     * @param split the split
     * @param backbone the backbone trained
     * @return the examples, in user order
     */
    public List<TrainingExample> of(LeaveOneOutSplit split, Backbone backbone) {
        return resolve(backbone) == SEQUENCES ? split.nextItemExamples() : split.prefixExamples();
    }
}
