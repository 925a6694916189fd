package io.seqaug.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqaug.api.Augmented;
import io.seqaug.api.Augmenter;
import io.seqaug.api.AugmenterContext;
import io.seqaug.api.AugmenterProvider;
import io.seqaug.api.LossTerm;
import io.seqaug.api.OperatorFactory;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.SequenceOperator;
import io.seqaug.api.SequenceOperatorProvider;
import io.seqaug.api.StepContext;
import io.seqaug.api.TrainingStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The kit passes an honest augmenter and operator and names what is wrong with broken ones. */
class PluginTestKitTest {

    /** An augmenter whose loss is whatever the function makes of the step. */
    private static AugmenterProvider augmenter(Function<StepContext, List<LossTerm>> losses) {
        return new AugmenterProvider() {
            @Override
            public String name() {
                return "probe";
            }

            @Override
            public String description() {
                return "test augmenter";
            }

            @Override
            public Augmenter create(ProviderSettings settings, AugmenterContext context) {
                return new Augmenter() {
                    @Override
                    public Set<TrainingStage> activeStages() {
                        return EnumSet.of(TrainingStage.AUGMENTED);
                    }

                    @Override
                    public List<LossTerm> losses(StepContext step) {
                        return losses.apply(step);
                    }
                };
            }
        };
    }

    private static SequenceOperatorProvider operator(java.util.function.UnaryOperator<int[]> body) {
        return new SequenceOperatorProvider() {
            @Override
            public String name() {
                return "probe-op";
            }

            @Override
            public String description() {
                return "test operator";
            }

            @Override
            public SequenceOperator create(ProviderSettings settings, OperatorFactory context) {
                return (items, rng) -> new Augmented(body.apply(items), 0.5);
            }
        };
    }

    @Test
    void anHonestAugmenterWithAPlainNumberWeightPasses() {
        var report = PluginTestKit.checkAugmenter(augmenter(step -> List.of(new LossTerm("norm",
                step.encoded().square().mean(), 0.5))), "");
        assertThat(report.losses().get("norm")).hasSize(3).allMatch(v -> v > 0);
    }

    @Test
    void brokenAugmentersAreNamed() {
        assertThatThrownBy(() -> PluginTestKit.checkAugmenter(augmenter(step -> List.of(new LossTerm("vector",
                step.encoded().mean(new int[] {0})))), "")).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("probe: ").hasMessageContaining("loss term 'vector' is not a scalar");
        assertThatThrownBy(() -> PluginTestKit.checkAugmenter(augmenter(step -> List.of(new LossTerm("detached",
                step.manager().ones(new ai.djl.ndarray.types.Shape()).add(step.manager().ones(new ai.djl.ndarray.types.Shape()))))), ""))
                .hasMessageContaining("no gradient reached the backbone's item table");
        assertThatThrownBy(() -> PluginTestKit.checkAugmenter(augmenter(step -> List.of()), ""))
                .hasMessageContaining("losses() returned no terms");
    }

    @Test
    void anAugmenterWhoseCodeDoesArithmeticWithANumberIsRefusedBeforeItTrains(@TempDir Path dir) throws Exception {
        Path classes = Compiled.compile(dir, "HalvingProvider", """
                import io.seqaug.api.*;
                import java.util.*;
                public class HalvingProvider implements AugmenterProvider {
                    public String name() { return "halving"; }
                    public String description() { return "half the squared outputs"; }
                    public Augmenter create(ProviderSettings settings, AugmenterContext context) {
                        return new Augmenter() {
                            public Set<TrainingStage> activeStages() { return EnumSet.of(TrainingStage.AUGMENTED); }
                            public List<LossTerm> losses(StepContext step) {
                                return List.of(new LossTerm("half", step.encoded().square().mean().div(2f), 1.0));
                            }
                        };
                    }
                }
                """);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            AugmenterProvider provider = (AugmenterProvider) loader.loadClass("HalvingProvider").getConstructor().newInstance();
            assertThatThrownBy(() -> PluginTestKit.checkAugmenter(provider, "")).isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("halving: its code does arithmetic between an NDArray and a Java number")
                    .hasMessageContaining("HalvingProvider$1 calls NDArray.div(Number)").hasMessageContaining("Tensors.constant");
        }
    }

    @Test
    void operatorsThatPadModifyTheirInputOrEmptyTheSequenceAreNamed() {
        PluginTestKit.checkOperator(operator(items -> new int[] {items[items.length - 1]}), "");
        assertThatThrownBy(() -> PluginTestKit.checkOperator(operator(items -> new int[] {0, items[0]}), ""))
                .hasMessageContaining("returned item id 0");
        assertThatThrownBy(() -> PluginTestKit.checkOperator(operator(items -> {
            items[0] = 1;
            return items.clone();
        }), "")).hasMessageContaining("the input was modified");
    }
}
