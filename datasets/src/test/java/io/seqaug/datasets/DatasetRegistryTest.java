package io.seqaug.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The registered public datasets and their pinned digests. */
class DatasetRegistryTest {

    private final DatasetRegistry registry = new DatasetRegistry();

    @Test
    void everyRegisteredFileHasItsPublishedDigest() {
        assertThat(registry.all()).extracting(PublicDataset::name).containsExactly("beauty", "sports", "yelp", "home");
        assertThat(registry.all()).allSatisfy(d -> assertThat(d.sha256()).hasValueSatisfying(s -> assertThat(s).matches("[0-9a-f]{64}")));
        assertThat(registry.get("sports").sha256()).hasValue("2a095e0648872beb9982408958290f5d655db5be2911c3756b5446de9f0b8de2");
        assertThat(registry.get("home").sha256()).hasValue("4e472251e8bcd204fc3421c51ab7d10611a69da8e7cf313c327e0cd003a5f0dd");
        assertThat(registry.get("sports").url().toString()).endsWith("/Sports_and_Outdoors.txt");
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        assertThatThrownBy(() -> registry.get("movies")).isInstanceOf(DatasetException.class)
                .hasMessage("unknown dataset 'movies'; known datasets: beauty, sports, yelp, home");
    }
}
