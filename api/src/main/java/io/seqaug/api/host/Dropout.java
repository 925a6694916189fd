package io.seqaug.api.host;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * Dropout for backbones, with its masks drawn either by the engine or on the host.
 *
 * <p>The engine draws a dropout mask with PyTorch's Bernoulli sampler, which on CPUs other than
 * Intel's runs on one thread and draws two 32-bit Mersenne-twister values per element: on a 2-core
 * AMD machine it took about 40% of an FMLP-Rec training epoch (perf, 2026-12-06) and 12-18 ms for one
 * {@code [256, 50, 64]} mask. Host masks are drawn by a {@link SplittableRandom}, one 32-bit value per
 * element, written straight into an engine-owned array (no copy, no memory the engine does not own)
 * and multiplied in: a few milliseconds for the same mask. The result has the engine's form, {@code x}
 * times a mask of zeros and {@code 1 / (1 - rate)}, so gradients are the mask too; only the random
 * stream differs.
 *
 * <p>Which one {@link #apply} uses is a property of the calling thread: the engine's unless a
 * {@link #hostMasks} scope is open, as the trainer opens one per epoch under
 * {@code seqaug.train.dropout-masks = host}, seeded from the epoch's own seed like the engine's
 * generator, so a run is reproducible and resumes exactly either way. Host masks are single-precision;
 * activations of another type keep the engine's. Backbones call {@link #apply} for every dropout; a
 * plugin backbone that does too follows the setting.
 */
public final class Dropout {

    /** The host's stream of this thread while a {@link #hostMasks} scope is open. */
    private static final ThreadLocal<SplittableRandom> HOST = new ThreadLocal<>();

    /** Whether {@link #writableView} has seen a write show through. */
    private static volatile boolean viewChecked;

    private Dropout() {}

    /**
     * Dropout of {@code x} at {@code rate} when training.
     *
     * @param x the activations
     * @param rate the share of entries zeroed, in [0, 1)
     * @param training whether to drop (otherwise {@code x} is returned as it is)
     * @return {@code x}, or {@code x} times a fresh mask in {@code x}'s manager
     */
    public static NDArray apply(NDArray x, float rate, boolean training) {
        if (!training || rate <= 0f) {
            return x;
        }
        if (!(rate < 1f)) {
            throw new IllegalArgumentException("dropout rate " + rate + " would zero every entry; give a rate below 1");
        }
        SplittableRandom host = HOST.get();
        if (host == null || x.getDataType() != DataType.FLOAT32) {
            return x.getNDArrayInternal().dropout(x, rate, true).singletonOrThrow();
        }
        return x.mul(hostMask(x, rate, host));
    }

    /**
     * Makes {@link #apply} draw its masks on the host, on this thread, until the scope closes.
     *
     * @param seed the seed of the mask stream
     * @return the scope; closing it restores what was there before
     */
    public static Scope hostMasks(long seed) {
        SplittableRandom previous = HOST.get();
        HOST.set(new SplittableRandom(seed));
        return () -> {
            if (previous == null) {
                HOST.remove();
            } else {
                HOST.set(previous);
            }
        };
    }

    /** An open {@link #hostMasks} scope. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * A mask of {@code x}'s shape, engine-owned: 0 where an unsigned 32-bit draw falls below
     * {@code rate * 2^32}, {@code 1 / (1 - rate)} elsewhere.
     */
    private static NDArray hostMask(NDArray x, float rate, SplittableRandom random) {
        NDArray mask = x.getManager().create(x.getShape(), DataType.FLOAT32);
        ByteBuffer out = writableView(mask);
        long threshold = Math.round(rate * 4294967296.0);
        float keep = 1f / (1f - rate);
        int n = Math.toIntExact(x.size());
        int i = 0;
        for (; i + 1 < n; i += 2) {
            long bits = random.nextLong();
            out.putFloat(4 * i, (bits & 0xFFFFFFFFL) < threshold ? 0f : keep);
            out.putFloat(4 * i + 4, (bits >>> 32) < threshold ? 0f : keep);
        }
        if (i < n) {
            out.putFloat(4 * i, (random.nextLong() >>> 32) < threshold ? 0f : keep);
        }
        return mask;
    }

    /**
     * The engine's own memory of an array, to write into. DJL's {@code toByteBuffer(true)} gives a view
     * of a CPU array's memory; an engine that gave a copy instead would leave every mask uninitialised
     * memory, so the first use checks that a write shows through.
     */
    private static ByteBuffer writableView(NDArray array) {
        if (!viewChecked) {
            try (NDArray probe = array.getManager().create(new Shape(1), DataType.FLOAT32)) {
                probe.toByteBuffer(true).order(ByteOrder.nativeOrder()).putFloat(0, 42f);
                if (probe.toFloatArray()[0] != 42f) {
                    throw new IllegalStateException("the engine's toByteBuffer(true) returns a copy, not the array's "
                            + "memory, so host dropout masks cannot be written; use seqaug.train.dropout-masks = engine");
                }
            }
            viewChecked = true;
        }
        return array.toByteBuffer(true).order(ByteOrder.nativeOrder());
    }
}
