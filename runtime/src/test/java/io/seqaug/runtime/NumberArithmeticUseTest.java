package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqaug.api.host.Tensors;
import io.seqaug.augmenters.IclRec;
import io.seqaug.backbones.SasRecProvider;
import io.seqaug.datasets.BatchLoader;
import io.seqaug.runtime.experiment.Experiment;
import io.seqaug.testkit.NumberArithmetic;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/**
 * No module does arithmetic between an NDArray and a Java number: DJL frees the wrapped number while
 * autograd still holds it, and the backward pass then reads freed memory whenever the collector
 * happens to run first (a gradient that was not finite in about one test run in six, through
 * ICLRec's {@code div(2f)}). The remedy is {@code Tensors.constant}.
 */
class NumberArithmeticUseTest {

    @Test
    void noModuleCombinesAnNdArrayWithAJavaNumber() {
        List<String> uses = new ArrayList<>();
        for (Class<?> module : List.of(Tensors.class, BatchLoader.class, SasRecProvider.class, IclRec.class, Experiment.class)) {
            uses.addAll(NumberArithmetic.usesIn(module));
        }
        uses.addAll(NumberArithmetic.usesIn(PluginDiscoveryTest.exampleJar()));
        assertThat(uses).isEmpty();
    }
}
