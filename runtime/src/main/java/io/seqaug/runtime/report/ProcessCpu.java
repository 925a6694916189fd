package io.seqaug.runtime.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and page faults of this process from {@code /proc/self/stat} (Linux), for speed reports.
 *
 * @param userSeconds CPU seconds in user mode
 * @param systemSeconds CPU seconds in the kernel
 * @param minorFaults page faults served without I/O (fresh or reclaimed pages)
 * @param majorFaults page faults that needed I/O
 */
public record ProcessCpu(double userSeconds, double systemSeconds, long minorFaults, long majorFaults) {

    /** Linux reports these times in USER_HZ ticks, which the kernel ABI fixes at 100 per second. */
    private static final double TICKS_PER_SECOND = 100.0;

    /**
     * The counters now.
     *
     * @return the counters, or all zero where {@code /proc} is not available
     */
    public static ProcessCpu now() {
        try {
            return parse(Files.readString(Path.of("/proc/self/stat")));
        } catch (IOException | RuntimeException e) {
            return new ProcessCpu(0, 0, 0, 0);
        }
    }

    /**
     * Parses one {@code /proc/<pid>/stat} line.
     *
     * @param stat the line
     * @return its counters
     */
    static ProcessCpu parse(String stat) {
        // The command name (field 2) is in parentheses and may hold spaces: count from after it.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // f[0] is field 3 (state): minflt is field 10, majflt 12, utime 14, stime 15.
        return new ProcessCpu(Long.parseLong(f[11]) / TICKS_PER_SECOND, Long.parseLong(f[12]) / TICKS_PER_SECOND,
                Long.parseLong(f[7]), Long.parseLong(f[9]));
    }

    /**
     * What happened between an earlier reading and this one.
     *
     * @param earlier the earlier reading
     * @return the differences
     */
    public ProcessCpu since(ProcessCpu earlier) {
        return new ProcessCpu(userSeconds - earlier.userSeconds, systemSeconds - earlier.systemSeconds,
                minorFaults - earlier.minorFaults, majorFaults - earlier.majorFaults);
    }

    /**
     * The kernel's share of the CPU time.
     *
     * @return system / (user + system), 0 when no time was used
     */
    public double systemShare() {
        double total = userSeconds + systemSeconds;
        return total <= 0 ? 0 : systemSeconds / total;
    }
}
