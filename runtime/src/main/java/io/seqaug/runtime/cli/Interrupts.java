package io.seqaug.runtime.cli;

import io.seqaug.runtime.train.StopSignal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C into a stop request: the run finishes its batch, keeps its best parameters, writes
 * its results, and only then does the JVM exit.
 */
final class Interrupts implements AutoCloseable {

    private static final long GRACE_SECONDS = 120;

    private final Thread hook;
    private final CountDownLatch done = new CountDownLatch(1);

    private Interrupts(StopSignal stop) {
        this.hook = new Thread(() -> {
            System.err.println("seqaug: stopping after the current batch; the best parameters so far are kept");
            stop.request();
            try {
                done.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "seqaug-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static Interrupts install(StopSignal stop) {
        return new Interrupts(stop);
    }

    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running; it returns as soon as it sees the latch.
        }
    }
}
