package io.seqaug.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class WorkerProcessesTest {

    @Test
    void aHelperRepeatsTheCommandLineAsAPlainWorker() {
        assertThat(WorkerProcesses.helperArguments(List.of("-Xss4m", "-jar", "seqaug.jar", "compare", "-c", "g.conf",
                "--workers", "2", "-Dseqaug.seed=3"))).containsExactly("-Xss4m", "-jar", "seqaug.jar", "compare", "-c",
                "g.conf", "-Dseqaug.seed=3", "--worker");
        assertThat(WorkerProcesses.helperArguments(List.of("compare", "--workers=4", "--worker", "-c", "g.conf")))
                .containsExactly("compare", "--worker", "-c", "g.conf");
    }

    @Test
    void autoStartsAWorkerPerJobThatCanRunUpToTheCoresAndOneWhereverTheUserOrAnotherWorkerDecided() {
        Map<String, String> env = Map.of();
        assertThat(CompareCommand.autoWorkers(2, 2, false, false, env, null, true)).isEqualTo(2);
        assertThat(CompareCommand.autoWorkers(2, 6, false, false, env, null, true)).isEqualTo(2);
        assertThat(CompareCommand.autoWorkers(16, 3, false, false, env, null, true)).isEqualTo(3);
        // one stage 1 to run: one worker on every core
        assertThat(CompareCommand.autoWorkers(2, 1, false, false, env, null, true)).isEqualTo(1);
        assertThat(CompareCommand.autoWorkers(2, 0, false, false, env, null, true)).isEqualTo(1);
        assertThat(CompareCommand.autoWorkers(1, 4, false, false, env, null, true)).isEqualTo(1);
        // a worker of many, the user's thread count, other workers here, or no launcher to repeat
        assertThat(CompareCommand.autoWorkers(2, 4, true, false, env, null, true)).isEqualTo(1);
        assertThat(CompareCommand.autoWorkers(2, 4, false, true, env, null, true)).isEqualTo(1);
        assertThat(CompareCommand.autoWorkers(2, 4, false, false, Map.of("OMP_NUM_THREADS", "1"), null, true)).isEqualTo(1);
        assertThat(CompareCommand.autoWorkers(2, 4, false, false, env, "2", true)).isEqualTo(1);
        assertThat(CompareCommand.autoWorkers(2, 4, false, false, env, null, false)).isEqualTo(1);
    }
}
