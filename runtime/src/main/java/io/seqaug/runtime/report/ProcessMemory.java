package io.seqaug.runtime.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process from {@code /proc/self/status} (Linux), in MiB; -1 elsewhere. */
public final class ProcessMemory {

    private ProcessMemory() {}

    /**
     * Current resident set size.
     *
     * @return MiB, or -1 when unknown
     */
    public static long residentMiB() {
        return read("VmRSS:");
    }

    /**
     * Peak resident set size since the process started.
     *
     * @return MiB, or -1 when unknown
     */
    public static long peakResidentMiB() {
        return read("VmHWM:");
    }

    private static long read(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    String[] parts = line.substring(key.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
