package io.seqaug.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqaug.testkit.PluginTestKit;
import org.junit.jupiter.api.Test;

/** The example plugin honours SeqAug's contracts, checked by the testkit a plugin author uses. */
class ContractTest {

    @Test
    void gaussianNoiseTrains() {
        var report = PluginTestKit.checkAugmenter(new GaussianNoise(),
                "operator = reverse-span, rate-min = 0.2, rate-max = 0.5, sigma = 0.05, weight = 0.5");
        assertThat(report.losses()).containsOnlyKeys("gaussian-noise");
    }

    @Test
    void reverseSpanIsAWellBehavedOperator() {
        PluginTestKit.checkOperator(new ReverseSpan(), "rate-min = 0.2, rate-max = 0.5");
    }
}
