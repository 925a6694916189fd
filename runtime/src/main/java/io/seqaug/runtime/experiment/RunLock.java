package io.seqaug.runtime.experiment;

import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.report.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * An exclusive lock on a run folder, so that two runs never write one folder. The lock is the
 * operating system's lock on {@code .lock} in the folder: it is released when the run ends or its
 * process dies (a stale lock file is simply taken over), and the file names the current holder
 * (host, pid, start time) for the message a second run gets.
 */
public final class RunLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, creating the folder if needed.
     *
     * @param runDir the run folder
     * @return the held lock; close it to release
     * @throws ConfigError when another run holds it, naming that run
     */
    public static RunLock acquire(Path runDir) {
        Path file = new RunFolder(runDir).lock();
        try {
            Files.createDirectories(runDir);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new ConfigError("run folder " + runDir + " is in use by another run ("
                        + (holder.isEmpty() ? "holder unknown" : holder) + "); wait for it or pick another run-name");
            }
            String me = "host " + host() + ", pid " + ProcessHandle.current().pid() + ", since " + Instant.now();
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            // No live writer can be in the folder now: a temporary file is a killed writer's.
            AtomicFiles.removeLeftovers(runDir);
            return new RunLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock run folder " + runDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * This machine's name, as locks and claims record it.
     *
     * @return the host name, or {@code unknown}
     */
    public static String host() {
        String name = ManagementFactory.getRuntimeMXBean().getName();
        int at = name.indexOf('@');
        return at >= 0 ? name.substring(at + 1) : "unknown";
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The lock goes away with the channel or the process either way.
        }
    }
}
