package io.seqaug.datasets;

import io.seqaug.api.ItemSimilarity;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Each item's most similar items under ItemCF or ItemCF-IUF, in flat primitive arrays.
 *
 * <p>Similarity of items i and j is the sum over users holding both of 1 (ItemCF) or
 * 1 / log(1 + |user's items|) (ItemCF-IUF), divided by sqrt(N_i * N_j), where N_i is the number of
 * users holding i. Items are counted once per user. An item that co-occurs with nothing gets one
 * seeded random neighbour instead; {@link #fallbackCount()} tells how many did.
 */
public final class ItemSimilarityIndex implements ItemSimilarity {

    private static final int FORMAT_VERSION = 1;

    private final int itemCount;
    private final int[] offsets;
    private final int[] neighbours;
    private final float[] scores;
    private final int fallbackCount;

    private ItemSimilarityIndex(int itemCount, int[] offsets, int[] neighbours, float[] scores, int fallbackCount) {
        this.itemCount = itemCount;
        this.offsets = offsets;
        this.neighbours = neighbours;
        this.scores = scores;
        this.fallbackCount = fallbackCount;
    }

    /**
     * Computes the index.
     *
     * @param histories every user's items (duplicates allowed; counted once)
     * @param itemCount the largest item id
     * @param method ItemCF or ItemCF-IUF
     * @param topK neighbours kept per item
     * @param seed seeds the fallback neighbours
     * @return the index
     */
    public static ItemSimilarityIndex compute(List<int[]> histories, int itemCount, SimilarityMethod method,
            int topK, long seed) {
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be >= 1, got " + topK);
        }
        int users = histories.size();
        int[][] distinct = new int[users][];
        float[] userWeight = new float[users];
        int[] itemUsers = new int[itemCount + 1];
        for (int u = 0; u < users; u++) {
            distinct[u] = Arrays.stream(histories.get(u)).distinct().toArray();
            userWeight[u] = method == SimilarityMethod.ITEMCF_IUF
                    ? (float) (1.0 / Math.log(1.0 + distinct[u].length)) : 1f;
            for (int item : distinct[u]) {
                itemUsers[item]++;
            }
        }
        // Inverted index item -> users, as one flat array.
        int[] start = new int[itemCount + 2];
        for (int i = 1; i <= itemCount; i++) {
            start[i + 1] = start[i] + itemUsers[i];
        }
        int[] usersOf = new int[start[itemCount + 1]];
        int[] fill = Arrays.copyOf(start, start.length);
        for (int u = 0; u < users; u++) {
            for (int item : distinct[u]) {
                usersOf[fill[item]++] = u;
            }
        }
        int[] offsets = new int[itemCount + 2];
        int[] outItems = new int[(itemCount + 1) * topK];
        float[] outScores = new float[(itemCount + 1) * topK];
        float[] accumulator = new float[itemCount + 1];
        int[] touched = new int[itemCount + 1];
        int[] heapItems = new int[topK];
        float[] heapScores = new float[topK];
        SplittableRandom rng = new SplittableRandom(seed);
        int cursor = 0;
        int fallbacks = 0;
        for (int i = 1; i <= itemCount; i++) {
            offsets[i] = cursor;
            int touchedCount = 0;
            for (int p = start[i]; p < start[i + 1]; p++) {
                int u = usersOf[p];
                float w = userWeight[u];
                for (int j : distinct[u]) {
                    if (j != i) {
                        if (accumulator[j] == 0f) {
                            touched[touchedCount++] = j;
                        }
                        accumulator[j] += w;
                    }
                }
            }
            int kept = 0;
            for (int t = 0; t < touchedCount; t++) {
                int j = touched[t];
                float score = (float) (accumulator[j] / Math.sqrt((double) itemUsers[i] * itemUsers[j]));
                accumulator[j] = 0f;
                kept = offer(heapItems, heapScores, kept, topK, j, score);
            }
            if (kept == 0) {
                fallbacks++;
                int other = itemCount == 1 ? i : 1 + rng.nextInt(itemCount - 1);
                if (other >= i && itemCount > 1) {
                    other++;
                }
                outItems[cursor] = other;
                outScores[cursor] = 0f;
                cursor++;
            } else {
                sortDescending(heapItems, heapScores, kept);
                System.arraycopy(heapItems, 0, outItems, cursor, kept);
                System.arraycopy(heapScores, 0, outScores, cursor, kept);
                cursor += kept;
            }
        }
        offsets[itemCount + 1] = cursor;
        return new ItemSimilarityIndex(itemCount, offsets, Arrays.copyOf(outItems, cursor),
                Arrays.copyOf(outScores, cursor), fallbacks);
    }

    /** Keeps the topK best (score desc, item id asc on ties) in an unsorted buffer. */
    private static int offer(int[] items, float[] scores, int kept, int topK, int item, float score) {
        if (kept < topK) {
            items[kept] = item;
            scores[kept] = score;
            return kept + 1;
        }
        int worst = 0;
        for (int k = 1; k < kept; k++) {
            if (better(items[worst], scores[worst], items[k], scores[k])) {
                worst = k;
            }
        }
        if (better(item, score, items[worst], scores[worst])) {
            items[worst] = item;
            scores[worst] = score;
        }
        return kept;
    }

    private static boolean better(int itemA, float scoreA, int itemB, float scoreB) {
        return scoreA > scoreB || (scoreA == scoreB && itemA < itemB);
    }

    private static void sortDescending(int[] items, float[] scores, int n) {
        for (int a = 1; a < n; a++) {
            int item = items[a];
            float score = scores[a];
            int b = a - 1;
            while (b >= 0 && better(item, score, items[b], scores[b])) {
                items[b + 1] = items[b];
                scores[b + 1] = scores[b];
                b--;
            }
            items[b + 1] = item;
            scores[b + 1] = score;
        }
    }

    @Override
    public int[] neighbours(int item) {
        checkItem(item);
        return Arrays.copyOfRange(neighbours, offsets[item], offsets[item + 1]);
    }

    @Override
    public int mostSimilar(int item) {
        checkItem(item);
        return neighbours[offsets[item]];
    }

    /**
     * The similarity scores of {@link #neighbours(int)}, in the same order.
     *
     * @param item an item id
     * @return the scores (0 for a fallback neighbour)
     */
    public float[] scores(int item) {
        checkItem(item);
        return Arrays.copyOfRange(scores, offsets[item], offsets[item + 1]);
    }

    /**
     * How many items had no co-occurring item and got a random neighbour.
     *
     * @return the count
     */
    public int fallbackCount() {
        return fallbackCount;
    }

    /**
     * The largest item id.
     *
     * @return the item count
     */
    public int itemCount() {
        return itemCount;
    }

    private void checkItem(int item) {
        if (item < 1 || item > itemCount) {
            throw new IllegalArgumentException("item " + item + " is outside 1.." + itemCount);
        }
    }

    /**
     * Writes the index in a compact binary form.
     *
     * @param out the stream
     * @throws IOException when writing fails
     */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(FORMAT_VERSION);
        out.writeInt(itemCount);
        out.writeInt(fallbackCount);
        out.writeInt(neighbours.length);
        for (int o : offsets) {
            out.writeInt(o);
        }
        for (int n : neighbours) {
            out.writeInt(n);
        }
        for (float s : scores) {
            out.writeFloat(s);
        }
    }

    /**
     * Reads an index written by {@link #write}.
     *
     * @param in the stream
     * @return the index
     * @throws IOException when reading fails or the format is unknown
     */
    public static ItemSimilarityIndex read(DataInputStream in) throws IOException {
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException("unknown similarity cache format " + version);
        }
        int itemCount = in.readInt();
        int fallbacks = in.readInt();
        int total = in.readInt();
        int[] offsets = new int[itemCount + 2];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = in.readInt();
        }
        int[] neighbours = new int[total];
        for (int i = 0; i < total; i++) {
            neighbours[i] = in.readInt();
        }
        float[] scores = new float[total];
        for (int i = 0; i < total; i++) {
            scores[i] = in.readFloat();
        }
        return new ItemSimilarityIndex(itemCount, offsets, neighbours, scores, fallbacks);
    }
}
