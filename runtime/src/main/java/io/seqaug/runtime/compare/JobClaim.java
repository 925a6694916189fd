package io.seqaug.runtime.compare;

import io.seqaug.runtime.experiment.RunLock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A worker's claim on one job of a grid: the file {@code claims/job-<index>.claim} in the grid
 * folder, naming its owner (host, pid, start time and a unique id). Whoever creates the file owns
 * the job; the file is created with a hard link from a private temporary file, which is atomic on
 * local and network file systems alike, so two workers never both succeed.
 *
 * <p>While the job runs, a heartbeat refreshes the file's modification time. A claim is stale, and
 * another worker takes it over, when its owner is on this host and its process is gone, or when its
 * heartbeat is older than the timeout (an owner on another machine that died). A takeover is itself
 * claimed with an exclusive marker named after the stale claim's id, so of several workers that see
 * the same stale claim exactly one replaces it.
 *
 * <p>Claims decide who runs a job; {@link io.seqaug.runtime.experiment.RunFolder#isFinished} decides whether it is done;
 * the run folder's {@link RunLock} is the last guard that any two processes (a grid worker and a
 * {@code seqaug train} alike) never write one folder at once.
 */
public final class JobClaim implements AutoCloseable {

    /** Folder of the claim files, inside the grid folder. */
    public static final String FOLDER = "claims";

    private final Path file;
    private final ScheduledExecutorService heartbeat;

    private JobClaim(Path file, Duration beat) {
        this.file = file;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "seqaug-claim-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1, beat.toMillis());
        heartbeat.scheduleAtFixedRate(this::touch, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Who holds a claim, as written in its file.
     *
     * @param host the host name
     * @param pid the process id
     * @param since when the claim was made
     * @param id unique per claim
     */
    public record Owner(String host, long pid, Instant since, String id) {

        static Owner me() {
            return new Owner(RunLock.host(), ProcessHandle.current().pid(), Instant.now(), UUID.randomUUID().toString());
        }

        /** Whether this owner is a live process on this host (false for an owner on another host). */
        boolean isAliveOnThisHost() {
            return host.equals(RunLock.host()) && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }

        String text() {
            return "host=" + host + "\npid=" + pid + "\nsince=" + since + "\nid=" + id + "\n";
        }

        static Optional<Owner> parse(String text) {
            String host = null;
            String id = null;
            long pid = -1;
            Instant since = null;
            try {
                for (String line : text.split("\n")) {
                    int eq = line.indexOf('=');
                    if (eq < 0) {
                        continue;
                    }
                    String value = line.substring(eq + 1).strip();
                    switch (line.substring(0, eq)) {
                        case "host" -> host = value;
                        case "pid" -> pid = Long.parseLong(value);
                        case "since" -> since = Instant.parse(value);
                        case "id" -> id = value;
                        default -> { }
                    }
                }
            } catch (RuntimeException e) {
                return Optional.empty();
            }
            return host == null || id == null || pid < 0 || since == null ? Optional.empty()
                    : Optional.of(new Owner(host, pid, since, id));
        }

        /**
         * A readable description, for messages.
         *
         * @return for example {@code host node1, pid 4242, since 2026-...}
         */
        public String describe() {
            return "host " + host + ", pid " + pid + ", since " + since;
        }
    }

    /**
     * The claim file of a job.
     *
     * @param gridDir the grid folder
     * @param index the job's index in the plan
     * @return its path
     */
    public static Path file(Path gridDir, int index) {
        return gridDir.resolve(FOLDER).resolve(String.format(java.util.Locale.ROOT, "job-%04d.claim", index));
    }

    /**
     * Tries to claim a job, taking over a stale claim.
     *
     * @param gridDir the grid folder
     * @param index the job's index in the plan
     * @param timeout how old a heartbeat may be before its claim counts as abandoned
     * @return the claim, or empty when another live worker holds the job
     */
    public static Optional<JobClaim> tryClaim(Path gridDir, int index, Duration timeout) {
        Path file = file(gridDir, index);
        Duration beat = timeout.dividedBy(4);
        try {
            Files.createDirectories(file.getParent());
            if (create(file)) {
                return Optional.of(new JobClaim(file, beat));
            }
            Optional<Owner> holder = holder(file);
            if (!isStale(file, holder, timeout)) {
                return Optional.empty();
            }
            // Exactly one worker wins the takeover of this particular stale claim.
            String staleId = holder.map(Owner::id).orElse("unreadable-" + modified(file).toMillis());
            Path marker = file.resolveSibling(file.getFileName() + ".takeover-" + staleId);
            try {
                Files.createFile(marker);
            } catch (FileAlreadyExistsException e) {
                return Optional.empty();
            }
            // Markers stay until the job's claim is released, so a worker that saw the same stale claim
            // late cannot win again; and the file is replaced only while it still is that claim.
            if (!holder(file).map(Owner::id).orElse("unreadable-" + modified(file).toMillis()).equals(staleId)) {
                return Optional.empty();
            }
            Files.deleteIfExists(file);
            return create(file) ? Optional.of(new JobClaim(file, beat)) : Optional.empty();
        } catch (NoSuchFileException e) {
            // The holder released it between two steps: the next round will see the job free or done.
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot claim job " + index + " in " + file.getParent() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Who holds a job's claim now.
     *
     * @param gridDir the grid folder
     * @param index the job's index
     * @return the holder, or empty when the job is not claimed (or its file cannot be read yet)
     */
    public static Optional<Owner> holder(Path gridDir, int index) {
        try {
            return holder(file(gridDir, index));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a job is claimed by a worker that is alive as far as can be told.
     *
     * @param gridDir the grid folder
     * @param index the job's index
     * @param timeout the heartbeat timeout
     * @return true while a live claim exists
     */
    public static boolean isHeld(Path gridDir, int index, Duration timeout) {
        Path file = file(gridDir, index);
        try {
            return Files.exists(file) && !isStale(file, holder(file), timeout);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read claim " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The other processes on this host that hold a live claim in a grid: workers that share this
     * machine's cores with the caller.
     *
     * @param gridDir the grid folder
     * @return their claims' owners, one per process, by pid
     */
    public static List<Owner> otherWorkersOnThisHost(Path gridDir) {
        Path folder = gridDir.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        Map<Long, Owner> owners = new TreeMap<>();
        try (var claims = Files.newDirectoryStream(folder, "job-*.claim")) {
            for (Path claim : claims) {
                Optional<Owner> owner;
                try {
                    owner = holder(claim);
                } catch (NoSuchFileException e) {
                    continue; // released while listing
                }
                owner.filter(o -> o.pid() != ProcessHandle.current().pid() && o.isAliveOnThisHost())
                        .ifPresent(o -> owners.putIfAbsent(o.pid(), o));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list claims in " + folder + ": " + e.getMessage(), e);
        }
        return List.copyOf(owners.values());
    }

    private static boolean create(Path file) throws IOException {
        Owner me = Owner.me();
        Path temp = file.resolveSibling(file.getFileName() + "." + me.id() + ".tmp");
        Files.writeString(temp, me.text(), StandardCharsets.UTF_8);
        try {
            Files.createLink(file, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException e) {
            // No hard links on this file system: an exclusive create is the atomic step instead.
            try {
                Files.writeString(file, me.text(), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
                return true;
            } catch (FileAlreadyExistsException taken) {
                return false;
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Optional<Owner> holder(Path file) throws IOException {
        return Owner.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static FileTime modified(Path file) throws IOException {
        return Files.getLastModifiedTime(file);
    }

    private static boolean isStale(Path file, Optional<Owner> holder, Duration timeout) throws IOException {
        if (holder.isPresent() && holder.get().host().equals(RunLock.host()) && !holder.get().isAliveOnThisHost()) {
            return true;
        }
        Instant beat = modified(file).toInstant();
        return Duration.between(beat, Instant.now()).compareTo(timeout) > 0;
    }

    private void touch() {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // A missed beat only matters after several; the next one tries again.
        }
    }

    /** Releases the job: stops the heartbeat and removes the claim file. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        try (var markers = Files.newDirectoryStream(file.getParent(), file.getFileName() + ".takeover-*")) {
            for (Path marker : markers) {
                Files.deleteIfExists(marker);
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release claim " + file + ": " + e.getMessage(), e);
        }
    }
}
