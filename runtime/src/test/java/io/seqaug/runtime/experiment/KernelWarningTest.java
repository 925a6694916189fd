package io.seqaug.runtime.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqaug.runtime.report.ProcessCpu;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

class KernelWarningTest {

    private static ProcessCpu cpu(double user, double system) {
        return new ProcessCpu(user, system, 0, 0);
    }

    @Test
    void aTrainingPhaseOverTenPercentInTheKernelIsNamedWithAdviceForTheAllocator() {
        Map<String, ProcessCpu> phases = new LinkedHashMap<>();
        phases.put("plain sasrec", cpu(9.0, 0.5));
        phases.put("basrec stage 2", cpu(8.0, 2.0));
        assertThat(Benchmark.kernelWarning(phases, "glibc malloc (default)")).hasValueSatisfying(w -> assertThat(w)
                .startsWith("WARNING: more than 10% of the training CPU time was spent in the kernel (basrec stage 2; "
                        + "allocator: glibc malloc (default))")
                .endsWith("or install libtcmalloc-minimal4."));
        assertThat(Benchmark.kernelWarning(phases, "tcmalloc")).hasValueSatisfying(w -> assertThat(w)
                .contains("(basrec stage 2; allocator: tcmalloc)").endsWith("rerun on a quiet machine."));
    }

    @Test
    void noWarningAtOrBelowTenPercent() {
        assertThat(Benchmark.kernelWarning(Map.of("plain sasrec", cpu(9.0, 1.0)), "glibc malloc (default)")).isEmpty();
        assertThat(Benchmark.kernelWarning(Map.of(), "glibc malloc (default)")).isEmpty();
    }
}
