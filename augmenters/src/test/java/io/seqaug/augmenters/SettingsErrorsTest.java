package io.seqaug.augmenters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.seqaug.api.ModelDims;
import io.seqaug.api.ProviderSettings;
import io.seqaug.testkit.KitContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** Bad settings fail with the full key, the rule and where the value was set. */
class SettingsErrorsTest {

    private static final KitContext CONTEXT = new KitContext(new ModelDims(20, 1, 8, 10));

    private static final String BASREC = """
            single-sequence = true, n-pairs = 2, operator = random, single-mixup = sequence-wise, weighting = adaptive,
            single-reduction = published, single-weight = 1.0, cross-sequence = true, n-whole-level = 3,
            cross-mixups = [item-wise, feature-wise], cross-weight = 1.0, beta = 0.4, rate-min = 0.2, rate-max = 0.7
            """;

    private static ProviderSettings basrec(String overrides) {
        return new ProviderSettings(ConfigFactory.parseString(overrides,
                com.typesafe.config.ConfigParseOptions.defaults().setOriginDescription("exp.conf"))
                .withFallback(ConfigFactory.parseString(BASREC)), "seqaug.augmenter.basrec");
    }

    @Test
    void basrecNamesTheKeyTheRuleAndTheFile() {
        assertThatThrownBy(() -> new BasRec().create(basrec("n-pairs = 0"), CONTEXT))
                .hasMessage("seqaug.augmenter.basrec.n-pairs must be in [1, 64], got 0 (exp.conf: 1)");
        assertThatThrownBy(() -> new BasRec().create(basrec("rate-min = 0.5, rate-max = 0.3"), CONTEXT))
                .hasMessage("seqaug.augmenter.basrec.rate-min must not exceed rate-max (0.3), got 0.5 (exp.conf: 1)");
        assertThatThrownBy(() -> new BasRec().create(basrec("beta = yes"), CONTEXT))
                .hasMessageStartingWith("seqaug.augmenter.basrec.beta has the wrong type").hasMessageEndingWith("(exp.conf: 1)");
        assertThatThrownBy(() -> new BasRec().create(basrec("single-sequence = false, cross-sequence = false"), CONTEXT))
                .hasMessageContaining("both off: use augmenter none");
    }

    @Test
    void nestedComponentsNameTheirOwnKeys() {
        assertThatThrownBy(() -> CONTEXT.operator("crop", Map.of("rate-min", 1.5, "rate-max", 2)))
                .hasMessageStartingWith("seqaug.operators.crop.rate-min must be in [0, 1], got 1.5")
                .hasMessageEndingWith("(set by the component that builds crop)");
        assertThatThrownBy(() -> CONTEXT.operator("random", Map.of("choices", List.of(), "rate-min", 0.2, "rate-max", 0.5)))
                .hasMessageStartingWith("seqaug.operators.random.choices must name at least one operator");
        // rate-max comes from this module's reference.conf (0.7), below the caller's rate-min
        assertThatThrownBy(() -> CONTEXT.operator("reorder", Map.of("rate-min", 0.9)))
                .hasMessageStartingWith("seqaug.operators.reorder.rate-min must not exceed rate-max (0.7), got 0.9");
        assertThatThrownBy(() -> CONTEXT.mixup("item-wise", Map.of("beta", 0)))
                .hasMessageStartingWith("seqaug.mixups.item-wise.beta must be in [");
    }

    @Test
    void theParentsKeysWinOverTheComponentsOwn() {
        // random's own choices come from the reference settings; the rates BASRec passes reach the chosen operators.
        var op = CONTEXT.operator("random", Map.of("rate-min", 0.5, "rate-max", 0.5));
        var out = op.apply(new int[] {1, 2, 3, 4, 5, 6, 7, 8}, new java.util.SplittableRandom(1));
        assertThat(out.rate()).isEqualTo(0.5);
    }

    private static ProviderSettings of(String provider, String text) {
        // the rest from this module's reference.conf, as a run gets it
        return new ProviderSettings(ConfigFactory.parseString(text,
                com.typesafe.config.ConfigParseOptions.defaults().setOriginDescription("exp.conf"))
                .withFallback(ConfigFactory.defaultReference().getConfig("seqaug.augmenter." + provider)),
                "seqaug.augmenter." + provider);
    }

    @Test
    void aWeightThatSwitchesAMethodOffIsRefused() {
        assertThatThrownBy(() -> new Cl4SRec().create(of("cl4srec", """
                crop-keep = 0.2, mask-rate = 0.7, reorder-rate = 0.2, representation = concatenate, similarity = dot,
                temperature = 1.0, weight = 0
                """), CONTEXT)).hasMessage("seqaug.augmenter.cl4srec.weight is 0, which switches off the method's only loss: "
                + "the run would train as augmenter none under this method's name; give a weight above 0 or use augmenter "
                + "none (exp.conf: 2)");
        assertThatThrownBy(() -> new DuoRec().create(of("duorec", "similarity = dot, temperature = 1.0, weight = 0"), CONTEXT))
                .hasMessageStartingWith("seqaug.augmenter.duorec.weight is 0");
        assertThatThrownBy(() -> new CoSeRec().create(of("coserec", """
                operators = [crop, mask], rate-min = 0.2, rate-max = 0.7, similarity = cosine, temperature = 0.5, weight = 0
                """), CONTEXT)).hasMessageStartingWith("seqaug.augmenter.coserec.weight is 0");
        assertThatThrownBy(() -> new DataAugment().create(of("data-augment", """
                operators = [crop], rate-min = 0.2, rate-max = 0.5, copies = 2, weight = 0
                """), CONTEXT)).hasMessageStartingWith("seqaug.augmenter.data-augment.weight is 0");
        assertThatThrownBy(() -> new IclRec().create(of("iclrec", """
                clusters = 4, kmeans-iterations = 5, kmeans-restarts = 2, crop-keep = 0.2, mask-rate = 0.7,
                reorder-rate = 0.2, instance-representation = concatenate, temperature = 1.0, instance-weight = 0,
                intent-weight = 0, warm-up-epochs = 0
                """), CONTEXT)).hasMessageStartingWith("seqaug.augmenter.iclrec.intent-weight and instance-weight are both 0");
        assertThatThrownBy(() -> new BasRec().create(basrec("cross-weight = 0"), CONTEXT))
                .hasMessage("seqaug.augmenter.basrec.cross-weight is 0 while cross-sequence = true: the part would be computed "
                        + "and count for nothing; set cross-sequence = false to leave it out (exp.conf: 1)");
        // one part off, the other weighted: an ablation, accepted; a small weight is a weight
        assertThat(new BasRec().create(basrec("cross-sequence = false, cross-weight = 0"), CONTEXT)).isNotNull();
        assertThat(new DuoRec().create(of("duorec", "similarity = dot, temperature = 1.0, weight = 0.001"), CONTEXT)).isNotNull();
    }
}
