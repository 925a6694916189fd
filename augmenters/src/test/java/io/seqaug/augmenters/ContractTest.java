package io.seqaug.augmenters;

import io.seqaug.api.SequenceOperatorProvider;
import io.seqaug.testkit.PluginTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ServiceLoader;

/** The shipped augmenters and operators pass the same testkit checks a plugin author runs. */
class ContractTest {

    @Test
    void basrecHonoursTheAugmenterContract() {
        PluginTestKit.checkAugmenter(new BasRec(), """
                single-sequence = true, n-pairs = 2, operator = random, single-mixup = sequence-wise, weighting = adaptive,
                single-reduction = published, single-weight = 1.0, cross-sequence = true, n-whole-level = 3,
                cross-mixups = [item-wise, feature-wise], cross-weight = 1.0, beta = 0.4, rate-min = 0.2, rate-max = 0.7
                """);
    }

    @ParameterizedTest
    @CsvSource({"last, trimmed, cosine, seqaug", "concatenate, trimmed, cosine, seqaug", "concatenate, full, dot, seqaug",
        "mean, trimmed, dot, seqaug", "concatenate, trimmed, dot, published"})
    void coserecHonoursTheAugmenterContract(String representation, String products, String similarity, String rules) {
        PluginTestKit.checkAugmenter(new CoSeRec(), """
                operators = [crop, mask, reorder, substitute, insert], rate-min = 0.2, rate-max = 0.7, operator-rules = %s,
                similarity = %s, temperature = 0.5, weight = 0.1, representation = %s, concatenated-products = %s
                """.formatted(rules, similarity, representation, products));
    }

    @ParameterizedTest
    @ValueSource(strings = {"trimmed", "full"})
    void cl4srecHonoursTheAugmenterContract(String products) {
        PluginTestKit.checkAugmenter(new Cl4SRec(), """
                crop-keep = 0.2, mask-rate = 0.7, reorder-rate = 0.2, representation = concatenate, similarity = dot,
                temperature = 1.0, weight = 0.1, concatenated-products = %s
                """.formatted(products));
    }

    @Test
    void duorecHonoursTheAugmenterContract() {
        PluginTestKit.checkAugmenter(new DuoRec(), "similarity = dot, temperature = 1.0, weight = 0.1");
    }

    @Test
    void iclrecHonoursTheAugmenterContractWithIntentsFromTheEpochHook() {
        PluginTestKit.Report report = PluginTestKit.checkAugmenter(new IclRec(), """
                clusters = 4, kmeans-iterations = 5, kmeans-restarts = 2, crop-keep = 0.2, mask-rate = 0.7,
                reorder-rate = 0.2, instance-representation = concatenate, temperature = 1.0, instance-weight = 0.1,
                intent-weight = 0.1, warm-up-epochs = 0
                """);
        // the intent term exists only once startEpoch has clustered the training sequences
        org.assertj.core.api.Assertions.assertThat(report.losses()).containsKeys("instance-contrastive", "intent-contrastive");
    }

    @Test
    void dataAugmentHonoursTheAugmenterContract() {
        PluginTestKit.checkAugmenter(new DataAugment(), """
                operators = [crop, mask, reorder, insert, substitute], rate-min = 0.2, rate-max = 0.5, copies = 2, weight = 1.0
                """);
    }

    @ParameterizedTest
    @ValueSource(strings = {"reorder", "substitute", "crop", "mask", "insert", "random"})
    void everyOperatorHonoursTheOperatorContract(String name) {
        SequenceOperatorProvider provider = ServiceLoader.load(SequenceOperatorProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        PluginTestKit.checkOperator(provider, "rate-min = 0.1, rate-max = 0.9");
    }
}
