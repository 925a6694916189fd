package io.seqaug.runtime.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import java.util.List;

class BenchRatioTest {

    @Test
    void firstEpochsApartSteadyMediansAndTheRangeOverSteadyEpochs() {
        Benchmark.Ratio r = Benchmark.ratio(List.of(8.0, 4.0, 5.0, 4.5), List.of(20.0, 10.0, 12.0, 11.0)).orElseThrow();
        assertThat(r.first()).isCloseTo(2.5, within(1e-12));
        assertThat(r.steady()).isCloseTo(11.0 / 4.5, within(1e-12));
        assertThat(r.low()).isCloseTo(10.0 / 5.0, within(1e-12));
        assertThat(r.high()).isCloseTo(12.0 / 4.0, within(1e-12));
    }

    @Test
    void evenCountsTakeTheMeanOfTheMiddleTwo() {
        Benchmark.Ratio r = Benchmark.ratio(List.of(1.0, 2.0, 4.0), List.of(1.0, 6.0, 9.0)).orElseThrow();
        assertThat(r.steady()).isCloseTo(7.5 / 3.0, within(1e-12));
    }

    @Test
    void noSteadyStateNoRatio() {
        assertThat(Benchmark.ratio(List.of(3.0), List.of(6.0, 5.0))).isEmpty();
        assertThat(Benchmark.ratio(List.of(3.0, 2.0), List.of(6.0))).isEmpty();
    }
}
