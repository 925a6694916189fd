package io.seqaug.datasets;

import io.seqaug.api.Augmented;
import io.seqaug.api.Augmenter;
import io.seqaug.api.host.SequenceBatch;
import io.seqaug.api.host.ViewBatch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Assembles one epoch of training batches on a background thread: shuffling, left padding,
 * negative sampling and the augmenter's views, all on primitive arrays. A bounded queue lets data
 * preparation run ahead of the engine by a few batches.
 *
 * <p>Everything random comes from one generator seeded with the epoch seed and consumed in batch
 * order by the single loader thread, so an epoch's batches are reproducible. Closing the loader
 * stops the thread (early stop, Ctrl-C); an error on the loader thread is rethrown by
 * {@link #next()}.
 */
public final class BatchLoader implements Iterator<SequenceBatch>, AutoCloseable {

    /**
     * How batches are shaped.
     *
     * @param batchSize examples per batch (the last batch may be smaller)
     * @param maxLength the longest row
     * @param fixedLength pad every batch to {@code maxLength} instead of to its longest row (for
     *     backbones that are not invariant to padding)
     * @param prefetch how many finished batches may wait in the queue
     * @param maxItemId the largest id a view may hold (the last reserved id), or 0 not to check
     */
    public record Options(int batchSize, int maxLength, boolean fixedLength, int prefetch, int maxItemId) {

        /** Validates the sizes. */
        public Options {
            if (batchSize < 1 || maxLength < 1 || prefetch < 1 || maxItemId < 0) {
                throw new IllegalArgumentException("batchSize, maxLength and prefetch must be >= 1, maxItemId >= 0");
            }
        }

        /**
         * Options whose views' ids are not checked against a catalogue.
         *
         * @param batchSize examples per batch
         * @param maxLength the longest row
         * @param fixedLength pad to {@code maxLength}
         * @param prefetch batches that may wait
         */
        public Options(int batchSize, int maxLength, boolean fixedLength, int prefetch) {
            this(batchSize, maxLength, fixedLength, prefetch, 0);
        }
    }

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private final int batchCount;
    private Object nextItem;
    private volatile boolean closed;

    /**
     * Starts loading one epoch.
     *
     * @param examples the training examples
     * @param options batch shape
     * @param sampler the negative sampler
     * @param augmenter makes views of every example, or {@code null} for none
     * @param seed the epoch's seed
     */
    public BatchLoader(List<TrainingExample> examples, Options options, NegativeSampler sampler,
            Augmenter augmenter, long seed) {
        this.queue = new ArrayBlockingQueue<>(options.prefetch());
        this.batchCount = (examples.size() + options.batchSize() - 1) / options.batchSize();
        this.thread = new Thread(() -> produce(examples, options, sampler, augmenter, seed), "seqaug-loader");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The number of batches this epoch yields.
     *
     * @return the batch count
     */
    public int batchCount() {
        return batchCount;
    }

    private void produce(List<TrainingExample> examples, Options options, NegativeSampler sampler,
            Augmenter augmenter, long seed) {
        try {
            SplittableRandom rng = new SplittableRandom(seed);
            int[] order = new int[examples.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            for (int i = order.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int start = 0; start < order.length && !closed; start += options.batchSize()) {
                int size = Math.min(options.batchSize(), order.length - start);
                List<TrainingExample> chunk = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    chunk.add(examples.get(order[start + i]));
                }
                put(assemble(chunk, options, sampler, augmenter, rng));
            }
            put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            try {
                put(e);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void put(Object item) throws InterruptedException {
        while (!closed) {
            if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    /**
     * Builds one batch from examples (public for tests and for single-threaded use).
     *
     * @param chunk the examples of the batch
     * @param options batch shape
     * @param sampler the negative sampler
     * @param augmenter makes views, or {@code null}
     * @param rng the generator
     * @return the batch
     */
    public static SequenceBatch assemble(List<TrainingExample> chunk, Options options, NegativeSampler sampler,
            Augmenter augmenter, SplittableRandom rng) {
        int size = chunk.size();
        int viewCount = augmenter == null ? 0 : augmenter.viewsPerExample();
        int[][] viewItems = new int[viewCount * size][];
        float[] rates = new float[viewCount * size];
        int longest = 0;
        for (int b = 0; b < size; b++) {
            TrainingExample example = chunk.get(b);
            longest = Math.max(longest, example.input().length);
            if (viewCount > 0) {
                int[] targets = example.targets();
                int[] before = example.input().clone();
                List<Augmented> views = augmenter.augmentExample(example.input(), targets[targets.length - 1], rng);
                if (views == null || views.size() != viewCount) {
                    throw new IllegalStateException(name(augmenter) + " made " + (views == null ? "no list of" : views.size())
                            + " views of an example but declared " + viewCount);
                }
                if (!java.util.Arrays.equals(before, example.input())) {
                    throw new IllegalStateException(name(augmenter) + " modified the example it was given (augmentExample must"
                            + " copy before changing items): every later epoch would train on the changed data");
                }
                for (int v = 0; v < viewCount; v++) {
                    Augmented view = views.get(v);
                    requireValidView(augmenter, view, options.maxItemId());
                    viewItems[v * size + b] = view.items();
                    rates[v * size + b] = (float) view.rate();
                    longest = Math.max(longest, view.items().length);
                }
            }
        }
        int length = options.fixedLength() ? options.maxLength() : Math.min(longest, options.maxLength());
        int[] users = new int[size];
        int[] inputs = new int[size * length];
        int[] positives = new int[size * length];
        int[] negatives = new int[size * length];
        for (int b = 0; b < size; b++) {
            TrainingExample example = chunk.get(b);
            users[b] = example.user();
            LeaveOneOutSplit.leftPadInto(example.input(), inputs, b, length);
            LeaveOneOutSplit.leftPadInto(example.targets(), positives, b, length);
            for (int i = b * length; i < (b + 1) * length; i++) {
                if (positives[i] != 0) {
                    negatives[i] = sampler.sample(example.user(), rng);
                }
            }
        }
        ViewBatch views = null;
        if (viewCount > 0) {
            int[] packed = new int[viewItems.length * length];
            for (int r = 0; r < viewItems.length; r++) {
                LeaveOneOutSplit.leftPadInto(viewItems[r], packed, r, length);
            }
            views = new ViewBatch(viewCount, size, length, packed, rates);
        }
        return new SequenceBatch(size, length, users, inputs, positives, negatives, views);
    }

    /** A view with no real item, or with an id outside the catalogue, would train on nothing or crash the engine. */
    private static void requireValidView(Augmenter augmenter, Augmented view, int maxItemId) {
        if (view == null || view.items() == null || view.items().length == 0) {
            throw new IllegalStateException(name(augmenter) + " made an empty view");
        }
        boolean real = false;
        for (int id : view.items()) {
            if (id < 0 || maxItemId > 0 && id > maxItemId) {
                throw new IllegalStateException(name(augmenter) + " made a view with item id " + id + " (ids are 1.."
                        + maxItemId + ", 0 is padding)");
            }
            real |= id != 0;
        }
        if (!real) {
            throw new IllegalStateException(name(augmenter) + " made a view of padding only (no item)");
        }
    }

    /** The augmenter's class and, for a plugin, its jar. */
    static String name(Augmenter augmenter) {
        Class<?> type = augmenter.getClass();
        var source = type.getProtectionDomain() == null ? null : type.getProtectionDomain().getCodeSource();
        String where = source == null || source.getLocation() == null ? "" : source.getLocation().getPath();
        return "augmenter " + type.getName() + (where.endsWith(".jar") ? " (" + where + ")" : "");
    }

    @Override
    public boolean hasNext() {
        if (nextItem == null) {
            try {
                nextItem = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the next batch", e);
            }
        }
        if (nextItem instanceof RuntimeException e) {
            throw e;
        }
        if (nextItem instanceof Error e) {
            throw e;
        }
        return nextItem != END;
    }

    @Override
    public SequenceBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SequenceBatch batch = (SequenceBatch) nextItem;
        nextItem = null;
        return batch;
    }

    /** Stops the loader thread and drops batches not yet taken. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
