package io.seqaug.runtime.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqaug.runtime.experiment.RunLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class JobClaimTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    @TempDir
    Path grid;

    @Test
    void aJobIsClaimedOnceUntilReleasedAndTheFileNamesItsOwner() throws IOException {
        Optional<JobClaim> first = JobClaim.tryClaim(grid, 3, TIMEOUT);
        assertThat(first).isPresent();
        assertThat(JobClaim.tryClaim(grid, 3, TIMEOUT)).isEmpty();
        assertThat(JobClaim.tryClaim(grid, 4, TIMEOUT)).isPresent();
        assertThat(JobClaim.isHeld(grid, 3, TIMEOUT)).isTrue();
        JobClaim.Owner owner = JobClaim.holder(grid, 3).orElseThrow();
        assertThat(owner.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(owner.host()).isEqualTo(RunLock.host());
        assertThat(Files.readString(JobClaim.file(grid, 3))).contains("pid=" + owner.pid());

        first.get().close();
        assertThat(JobClaim.file(grid, 3)).doesNotExist();
        assertThat(JobClaim.isHeld(grid, 3, TIMEOUT)).isFalse();
        assertThat(JobClaim.tryClaim(grid, 3, TIMEOUT)).isPresent();
        // nothing but the two live claims is left in the folder
        assertThat(grid.resolve(JobClaim.FOLDER).toFile().list()).containsExactlyInAnyOrder("job-0003.claim", "job-0004.claim");
    }

    @Test
    void aClaimOfADeadProcessOnThisHostIsTakenOver() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        writeClaim(RunLock.host(), gone.pid(), Instant.now());
        assertThat(JobClaim.isHeld(grid, 0, TIMEOUT)).isFalse();
        Optional<JobClaim> taken = JobClaim.tryClaim(grid, 0, TIMEOUT);
        assertThat(taken).isPresent();
        assertThat(JobClaim.holder(grid, 0).orElseThrow().pid()).isEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void aClaimFromAnotherHostIsTakenOverOnlyAfterItsHeartbeatTimesOut() throws IOException {
        Path file = writeClaim("elsewhere.example", 12345, Instant.now());
        assertThat(JobClaim.tryClaim(grid, 0, TIMEOUT)).isEmpty();
        assertThat(JobClaim.isHeld(grid, 0, TIMEOUT)).isTrue();

        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(11))));
        assertThat(JobClaim.isHeld(grid, 0, TIMEOUT)).isFalse();
        assertThat(JobClaim.tryClaim(grid, 0, TIMEOUT)).isPresent();
        assertThat(JobClaim.holder(grid, 0).orElseThrow().host()).isEqualTo(RunLock.host());
    }

    @Test
    void theHeartbeatKeepsALongJobFromLookingAbandoned() throws Exception {
        Duration shortTimeout = Duration.ofMillis(400);
        try (JobClaim claim = JobClaim.tryClaim(grid, 1, shortTimeout).orElseThrow()) {
            Path file = JobClaim.file(grid, 1);
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
            Thread.sleep(300); // heartbeat every 100 ms
            assertThat(Files.getLastModifiedTime(file).toInstant()).isAfter(Instant.now().minusSeconds(1));
        }
    }

    @Test
    void ofManyWorkersThatSeeOneStaleClaimExactlyOneTakesItOver() throws Exception {
        Path file = writeClaim("elsewhere.example", 12345, Instant.now());
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        int workers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<JobClaim>>> attempts = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            attempts.add(pool.submit(() -> {
                start.await();
                return JobClaim.tryClaim(grid, 0, TIMEOUT);
            }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Optional<JobClaim>> attempt : attempts) {
            if (attempt.get().isPresent()) {
                winners++;
            }
        }
        pool.shutdown();
        assertThat(winners).isEqualTo(1);
    }

    @Test
    void otherLiveWorkersOnThisHostAreListedOncePerProcess() throws Exception {
        Process alive = new ProcessBuilder("sleep", "30").start();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        try {
            assertThat(JobClaim.otherWorkersOnThisHost(grid)).isEmpty();
            writeClaim(1, RunLock.host(), alive.pid(), Instant.now());
            writeClaim(2, RunLock.host(), alive.pid(), Instant.now());
            writeClaim(3, RunLock.host(), gone.pid(), Instant.now());
            writeClaim(4, "elsewhere-" + RunLock.host(), alive.pid(), Instant.now());
            Optional<JobClaim> mine = JobClaim.tryClaim(grid, 5, TIMEOUT);
            assertThat(mine).isPresent();
            assertThat(JobClaim.otherWorkersOnThisHost(grid)).extracting(JobClaim.Owner::pid).containsExactly(alive.pid());
            mine.get().close();
        } finally {
            alive.destroy();
        }
    }

    private Path writeClaim(String host, long pid, Instant since) throws IOException {
        return writeClaim(0, host, pid, since);
    }

    private Path writeClaim(int index, String host, long pid, Instant since) throws IOException {
        Path file = JobClaim.file(grid, index);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "host=" + host + "\npid=" + pid + "\nsince=" + since + "\nid=stale-one\n");
    }
}
