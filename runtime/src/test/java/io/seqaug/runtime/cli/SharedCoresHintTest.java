package io.seqaug.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqaug.runtime.compare.JobClaim;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

class SharedCoresHintTest {

    private static final List<JobClaim.Owner> ONE_OTHER = List.of(new JobClaim.Owner("here", 4242, Instant.EPOCH, "a"));

    @Test
    void aWorkerBesideAnotherWithUnlimitedThreadsIsToldHowToSplitTheCores() {
        assertThat(CompareCommand.sharedCoresHint(ONE_OTHER, Map.of(), null, 8)).hasValue("seqaug: 1 other worker(s) of this grid "
                + "run on this host (pid 4242) and each uses all 8 cores: start every worker with OMP_NUM_THREADS=4 "
                + "(cores / workers), or the workers slow each other down");
        List<JobClaim.Owner> three = List.of(ONE_OTHER.get(0), new JobClaim.Owner("here", 7, Instant.EPOCH, "b"),
                new JobClaim.Owner("here", 9, Instant.EPOCH, "c"));
        assertThat(CompareCommand.sharedCoresHint(three, Map.of(), null, 2)).hasValueSatisfying(
                hint -> assertThat(hint).contains("(pid 4242, 7, 9)").contains("OMP_NUM_THREADS=1 "));
    }

    @Test
    void noHintAloneOnOneCoreOrWithTheThreadsAlreadyLimited() {
        assertThat(CompareCommand.sharedCoresHint(List.of(), Map.of(), null, 8)).isEmpty();
        assertThat(CompareCommand.sharedCoresHint(ONE_OTHER, Map.of(), null, 1)).isEmpty();
        assertThat(CompareCommand.sharedCoresHint(ONE_OTHER, Map.of("OMP_NUM_THREADS", "2"), null, 8)).isEmpty();
        assertThat(CompareCommand.sharedCoresHint(ONE_OTHER, Map.of(), "2", 8)).isEmpty();
        assertThat(CompareCommand.sharedCoresHint(ONE_OTHER, Map.of("OMP_NUM_THREADS", " "), null, 8)).isPresent();
    }
}
