package io.seqaug.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class ProviderSettingsTest {

    private final Config config = ConfigFactory.parseString("""
            sigma = -1
            weight = 0.5
            copies = 3
            mode = "fast"
            name = [1, 2]
            """, com.typesafe.config.ConfigParseOptions.defaults().setOriginDescription("exp.conf"));
    private final ProviderSettings s = new ProviderSettings(config, "seqaug.augmenter.noise");

    @Test
    void valuesInRangeAreRead() {
        assertThat(s.number("weight", 0, 1)).isEqualTo(0.5);
        assertThat(s.integer("copies", 1, 8)).isEqualTo(3);
        assertThat(s.oneOf("mode", "fast", "slow")).isEqualTo("fast");
        assertThat(s.fullKey("weight")).isEqualTo("seqaug.augmenter.noise.weight");
    }

    @Test
    void errorsNameTheFullKeyAndWhereItWasSet() {
        assertThatThrownBy(() -> s.number("sigma", 0, Double.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("seqaug.augmenter.noise.sigma must be in [0, 1.79769e+308], got -1 (exp.conf: 1)");
        assertThatThrownBy(() -> s.integer("copies", 4, 8))
                .hasMessage("seqaug.augmenter.noise.copies must be in [4, 8], got 3 (exp.conf: 3)");
        assertThatThrownBy(() -> s.oneOf("mode", "slow")).hasMessage("seqaug.augmenter.noise.mode must be one of slow, got 'fast' (exp.conf: 4)");
        assertThatThrownBy(() -> s.number("missing", 0, 1))
                .hasMessage("seqaug.augmenter.noise.missing is missing; declare it in the provider's reference.conf");
        assertThatThrownBy(() -> s.number("mode", 0, 1)).hasMessageStartingWith("seqaug.augmenter.noise.mode has the wrong type")
                .hasMessageEndingWith("(exp.conf: 4)");
        assertThatThrownBy(() -> {
            throw s.invalid("copies", "must be even");
        }).hasMessage("seqaug.augmenter.noise.copies must be even (exp.conf: 3)");
    }

    @Test
    void nestedSettingsAreTheParentsKeysOverTheComponentsOwn() {
        Config root = ConfigFactory.parseString("operators.crop { rate-min = 0.2, rate-max = 0.7, keep = true }",
                com.typesafe.config.ConfigParseOptions.defaults().setOriginDescription("ref.conf"));
        ProviderSettings crop = ProviderSettings.nested(root, "operators", "crop", java.util.Map.of("rate-max", 0.5));
        assertThat(crop.number("rate-min", 0, 1)).isEqualTo(0.2);
        assertThat(crop.number("rate-max", 0, 1)).isEqualTo(0.5);
        assertThat(crop.flag("keep")).isTrue();
        assertThat(crop.fullKey("rate-min")).isEqualTo("seqaug.operators.crop.rate-min");
        assertThatThrownBy(() -> crop.number("rate-max", 0.6, 1))
                .hasMessage("seqaug.operators.crop.rate-max must be in [0.600000, 1], got 0.500000 (set by the component that builds crop)");
        assertThatThrownBy(() -> crop.number("rate-min", 0.3, 1)).hasMessageEndingWith("(ref.conf: 1)");
        ProviderSettings unknown = ProviderSettings.nested(root, "operators", "shuffle", java.util.Map.of("rate-min", 0.1));
        assertThat(unknown.number("rate-min", 0, 1)).isEqualTo(0.1);
        assertThatThrownBy(() -> unknown.number("rate-max", 0, 1))
                .hasMessageStartingWith("seqaug.operators.shuffle.rate-max is missing");
    }

    @Test
    void aLossWeightMustActAndStayInRange() {
        assertThat(s.weight("weight", 1)).isEqualTo(0.5);
        ProviderSettings zero = new ProviderSettings(ConfigFactory.parseString("weight = 0",
                com.typesafe.config.ConfigParseOptions.defaults().setOriginDescription("exp.conf")), "seqaug.augmenter.noise");
        assertThatThrownBy(() -> zero.weight("weight", 1)).hasMessageStartingWith("seqaug.augmenter.noise.weight is 0, which "
                + "switches off the method's only loss").hasMessageEndingWith("(exp.conf: 1)");
        assertThatThrownBy(() -> s.weight("weight", 0.1)).hasMessageStartingWith("seqaug.augmenter.noise.weight must be in [0, ")
                .hasMessageEndingWith("(exp.conf: 2)");
    }
}
