package io.seqaug.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;

class WorkerProcessesTest {

    @Test
    void aHelperRepeatsTheCommandLineAsAPlainWorker() {
        assertThat(WorkerProcesses.helperArguments(List.of("-Xss4m", "-jar", "seqaug.jar", "compare", "-c", "g.conf",
                "--workers", "2", "-Dseqaug.seed=3"))).containsExactly("-Xss4m", "-jar", "seqaug.jar", "compare", "-c",
                "g.conf", "-Dseqaug.seed=3", "--worker");
        assertThat(WorkerProcesses.helperArguments(List.of("compare", "--workers=4", "--worker", "-c", "g.conf")))
                .containsExactly("compare", "--worker", "-c", "g.conf");
    }
}
