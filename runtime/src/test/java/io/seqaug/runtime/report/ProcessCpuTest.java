package io.seqaug.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void readsTicksAndFaultsAfterACommandNameWithSpacesAndParentheses() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
        String stat = "4242 (java (my) app) S 1 4242 4242 0 -1 4194560 123456 0 7 0 2550 310 0 0 20 0 42 0";
        ProcessCpu cpu = ProcessCpu.parse(stat);
        assertThat(cpu.minorFaults()).isEqualTo(123456);
        assertThat(cpu.majorFaults()).isEqualTo(7);
        assertThat(cpu.userSeconds()).isEqualTo(25.5);
        assertThat(cpu.systemSeconds()).isEqualTo(3.1);
    }

    @Test
    void differencesAndKernelShare() {
        ProcessCpu delta = new ProcessCpu(30, 10, 500, 1).since(new ProcessCpu(12, 4, 100, 1));
        assertThat(delta).isEqualTo(new ProcessCpu(18, 6, 400, 0));
        assertThat(delta.systemShare()).isEqualTo(0.25);
        assertThat(new ProcessCpu(0, 0, 0, 0).systemShare()).isZero();
    }

    @Test
    void thisProcessCountsGrowWhileItWorks() {
        ProcessCpu before = ProcessCpu.now();
        long sink = 0;
        for (int round = 0; round < 20; round++) {
            byte[] block = new byte[8 << 20];
            for (int i = 0; i < block.length; i += 4096) {
                block[i] = (byte) i;
                sink += block[(i * 31) % block.length];
            }
        }
        ProcessCpu after = ProcessCpu.now();
        assertThat(sink).isNotEqualTo(Long.MIN_VALUE);
        assertThat(after.userSeconds() + after.systemSeconds()).isGreaterThanOrEqualTo(before.userSeconds()
                + before.systemSeconds());
        assertThat(after.minorFaults()).isGreaterThan(before.minorFaults());
    }

    @Test
    void testsRunWithTheLaunchersAllocatorNotGlibcsUntunedDefault() {
        // The build gives test JVMs what bin/allocator.sh gives ./seqaug (tcmalloc or tuned glibc).
        assertThat(Allocator.describe()).isIn("tcmalloc", "glibc malloc, tuned");
        assertThat(Allocator.isUntunedDefault()).isFalse();
    }
}
