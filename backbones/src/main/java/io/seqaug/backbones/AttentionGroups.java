package io.seqaug.backbones;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.seqaug.api.host.Rows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Self-attention over the real items of a left-padded batch, in at most two groups of sequences,
 * each padded only to its own longest history. A batch is padded to its longest sequence (often
 * 50) while most histories are short, so attention over the whole padded batch spends most of its
 * {@code L x L} work on padding. The sequences are split at the length that minimises
 * {@code sum over groups of rows x length^2}, when that at least halves the padded layout's
 * entries (otherwise the padded layout is used); every query at a real position sees exactly the keys
 * it sees in the padded layout (earlier real items and itself), so the outputs at real positions
 * are those of the padded computation up to floating-point rounding. Attention dropout draws one
 * value per group entry, so with dropout on the random masks differ from the padded layout's.
 */
final class AttentionGroups {

    /** One group: gather index into {@code [zero row; packed rows]}, additive mask, real entries. */
    record Group(NDArray slots, NDArray mask, NDArray real, long rows, long length) {}

    private final List<Group> groups;
    private final NDArray order;

    private AttentionGroups(List<Group> groups, NDArray order) {
        this.groups = groups;
        this.order = order;
    }

    /**
     * Plans the groups of a batch.
     *
     * @param ids {@code [B x L]} item ids, row-major, 0 for padding
     * @param batch B
     * @param length L
     * @param manager where the index arrays live (the step's manager)
     * @return the plan, or {@code null} when two groups would not at least halve the attention
     *     entries of the padded layout (length-sorted evaluation chunks, for instance): the padded
     *     layout is then cheaper
     */
    static AttentionGroups of(long[] ids, int batch, int length, NDManager manager) {
        int[] window = new int[batch];
        int[] packedStart = new int[batch + 1];
        for (int b = 0; b < batch; b++) {
            int first = length;
            int count = 0;
            for (int t = 0; t < length; t++) {
                if (ids[b * length + t] != 0) {
                    first = Math.min(first, t);
                    count++;
                }
            }
            window[b] = length - first;
            packedStart[b + 1] = packedStart[b] + count;
        }
        int longest = Arrays.stream(window).max().orElse(0);
        int split = bestSplit(window, longest);
        if (2 * cost(window, split, longest) > (long) batch * length * length) {
            return null;
        }
        List<int[]> members = new ArrayList<>();
        int shortCount = (int) Arrays.stream(window).filter(w -> w <= split).count();
        int[] shortRows = new int[shortCount];
        int[] longRows = new int[batch - shortCount];
        for (int b = 0, s = 0, l = 0; b < batch; b++) {
            if (window[b] <= split) {
                shortRows[s++] = b;
            } else {
                longRows[l++] = b;
            }
        }
        if (shortRows.length > 0) {
            members.add(shortRows);
        }
        if (longRows.length > 0) {
            members.add(longRows);
        }
        List<Group> groups = new ArrayList<>();
        long[] inverse = new long[packedStart[batch]];
        int concatenated = 0;
        for (int[] rows : members) {
            int groupLength = Math.max(1, rows == shortRows ? split : longest);
            long[] slots = new long[rows.length * groupLength];
            float[] mask = new float[rows.length * groupLength * groupLength];
            List<Long> real = new ArrayList<>();
            for (int j = 0; j < rows.length; j++) {
                int b = rows[j];
                int packed = packedStart[b];
                for (int t = 0; t < groupLength; t++) {
                    int p = length - groupLength + t;
                    if (ids[b * length + p] != 0) {
                        slots[j * groupLength + t] = 1 + packed;
                        real.add((long) j * groupLength + t);
                        inverse[packed] = concatenated++;
                        packed++;
                    }
                }
                for (int t = 0; t < groupLength; t++) {
                    for (int s = 0; s < groupLength; s++) {
                        boolean allowed = s <= t && slots[j * groupLength + s] != 0;
                        mask[(j * groupLength + t) * groupLength + s] = allowed ? 0f : -10000f;
                    }
                }
            }
            groups.add(new Group(manager.create(slots, new Shape(slots.length)),
                    manager.create(mask, new Shape(rows.length, 1, groupLength, groupLength)),
                    manager.create(real.stream().mapToLong(Long::longValue).toArray(), new Shape(real.size())),
                    rows.length, groupLength));
        }
        return new AttentionGroups(groups, manager.create(inverse, new Shape(inverse.length)));
    }

    /** The split length minimising rows x length^2 summed over the (at most two) groups. */
    static int bestSplit(int[] window, int longest) {
        int[] atMost = new int[longest + 1];
        for (int w : window) {
            atMost[w]++;
        }
        for (int w = 1; w <= longest; w++) {
            atMost[w] += atMost[w - 1];
        }
        int best = longest;
        long bestCost = (long) window.length * longest * longest;
        for (int s = 1; s < longest; s++) {
            long cost = (long) atMost[s] * s * s + (long) (window.length - atMost[s]) * longest * longest;
            if (cost < bestCost) {
                bestCost = cost;
                best = s;
            }
        }
        return best;
    }

    /** Attention entries of a split: rows x length^2 summed over the groups. */
    static long cost(int[] window, int split, int longest) {
        long cost = 0;
        for (int w : window) {
            cost += w <= split ? (long) split * split : (long) longest * longest;
        }
        return cost;
    }

    /** The groups, short first. */
    List<Group> groups() {
        return groups;
    }

    /**
     * Gathers a group's rows from packed rows.
     *
     * @param withZeroRow {@code [1 + N, C]}: a zero row, then the packed rows
     * @param group the group
     * @return {@code [rows, length, C]}
     */
    static NDArray gather(NDArray withZeroRow, Group group) {
        return Rows.take(withZeroRow, group.slots()).reshape(group.rows(), group.length(), withZeroRow.getShape().get(1));
    }

    /**
     * Puts the groups' outputs at real positions back in packed order.
     *
     * @param outputs per group {@code [rows x length, C]}
     * @return {@code [N, C]}
     */
    NDArray toPacked(List<NDArray> outputs) {
        List<NDArray> real = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            real.add(Rows.take(outputs.get(g), groups.get(g).real()));
        }
        NDArray all = real.size() == 1 ? real.get(0) : real.get(0).concat(real.get(1), 0);
        return Rows.take(all, order);
    }
}
