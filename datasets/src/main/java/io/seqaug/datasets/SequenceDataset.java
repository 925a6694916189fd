package io.seqaug.datasets;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Users' item sequences in time order, held in primitive arrays.
 *
 * <p>User {@code u} (an index from 0) has the raw id {@code userIds[u]} and the items
 * {@code sequences[u]}, oldest first. Item ids run from 1 to {@code itemCount}; 0 is padding.
 *
 * <p>Data read from an interaction log numbers its users and items densely; {@code labels} then keeps
 * the ids the file gave them (RecBole tokens, CSV ids), so that output meant for people, such as
 * {@code seqaug recommend}, speaks the file's language. Labels are not part of {@link #fingerprint()}:
 * they name the same data, they do not change it.
 *
 * @param name where the data came from (file name or generator), for messages and reports
 * @param userIds raw user id of every user index
 * @param sequences items of every user, oldest first; every sequence has at least 3 items
 * @param itemCount the largest item id
 * @param labels the file's own ids of users and items, or {@code null} when {@code userIds} and the
 *     item ids are the file's ids
 */
public record SequenceDataset(String name, int[] userIds, int[][] sequences, int itemCount, Labels labels) {

    /**
     * The ids a log gave its users and items.
     *
     * @param users the id of every user index
     * @param items the id of every item id, index 0 (padding) unused
     */
    public record Labels(String[] users, String[] items) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Labels l && Arrays.equals(users, l.users) && Arrays.equals(items, l.items);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(users) + Arrays.hashCode(items);
        }

        @Override
        public String toString() {
            return "Labels[users=" + users.length + ", items=" + (items.length - 1) + "]";
        }
    }

    /** Checks that the arrays agree. */
    public SequenceDataset {
        if (userIds.length != sequences.length) {
            throw new IllegalArgumentException("userIds and sequences differ in length");
        }
        if (sequences.length == 0) {
            throw new DatasetException(name + ": no user has the 3 items a leave-one-out split needs");
        }
        if (labels != null && (labels.users().length != sequences.length || labels.items().length != itemCount + 1)) {
            throw new IllegalArgumentException("labels cover " + labels.users().length + " users and "
                    + (labels.items().length - 1) + " items, the data " + sequences.length + " and " + itemCount);
        }
    }

    /**
     * Data whose ids are the file's own.
     *
     * @param name where the data came from
     * @param userIds raw user id of every user index
     * @param sequences items of every user, oldest first
     * @param itemCount the largest item id
     */
    public SequenceDataset(String name, int[] userIds, int[][] sequences, int itemCount) {
        this(name, userIds, sequences, itemCount, null);
    }

    /**
     * The id the data file gave a user.
     *
     * @param user a user index
     * @return the file's id of that user
     */
    public String userLabel(int user) {
        return labels == null ? Integer.toString(userIds[user]) : labels.users()[user];
    }

    /**
     * The id the data file gave an item.
     *
     * @param item an item id, 1 to {@link #itemCount()}
     * @return the file's id of that item
     */
    public String itemLabel(int item) {
        return labels == null ? Integer.toString(item) : labels.items()[item];
    }

    /**
     * Number of users.
     *
     * @return the user count
     */
    public int userCount() {
        return sequences.length;
    }

    /**
     * Number of interactions over all users.
     *
     * @return the sum of sequence lengths
     */
    public long interactionCount() {
        long total = 0;
        for (int[] s : sequences) {
            total += s.length;
        }
        return total;
    }

    /**
     * A SHA-256 over the content (not the file bytes), so that caches keyed by it are valid for any
     * source: a file, a converted log or a generator.
     *
     * @return 64 hex digits
     */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[4];
            for (int u = 0; u < sequences.length; u++) {
                update(digest, buffer, userIds[u]);
                update(digest, buffer, sequences[u].length);
                for (int item : sequences[u]) {
                    update(digest, buffer, item);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void update(MessageDigest digest, byte[] buffer, int value) {
        buffer[0] = (byte) (value >>> 24);
        buffer[1] = (byte) (value >>> 16);
        buffer[2] = (byte) (value >>> 8);
        buffer[3] = (byte) value;
        digest.update(buffer);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SequenceDataset d && name.equals(d.name) && itemCount == d.itemCount
                && Arrays.equals(userIds, d.userIds) && Arrays.deepEquals(sequences, d.sequences)
                && Objects.equals(labels, d.labels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(userIds) + Arrays.deepHashCode(sequences);
    }

    @Override
    public String toString() {
        return "SequenceDataset[" + name + ", users=" + userCount() + ", items=" + itemCount + "]";
    }
}
