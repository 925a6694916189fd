package io.seqaug.augmenters;

import io.seqaug.api.Augmenter;
import io.seqaug.api.AugmenterContext;
import io.seqaug.api.AugmenterProvider;
import io.seqaug.api.LossTerm;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.StepContext;
import io.seqaug.api.TrainingStage;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code none}: adds nothing, so stage 2 simply trains the backbone longer; the baseline every
 * augmenter is compared with. It is active in no stage, so the trainer runs its plain step.
 */
public final class NoAugmentation implements AugmenterProvider {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public String description() {
        return "no augmentation: the plain backbone (stage 2 trains it longer)";
    }

    @Override
    public Augmenter create(ProviderSettings settings, AugmenterContext context) {
        return new Augmenter() {
            @Override
            public Set<TrainingStage> activeStages() {
                // Active in no stage: every step is the plain backbone step, so stage 2 trains
                // exactly like stage 1 (FMLP-Rec's last-position shortcut included).
                return EnumSet.noneOf(TrainingStage.class);
            }

            @Override
            public List<LossTerm> losses(StepContext step) {
                return List.of();
            }
        };
    }
}
