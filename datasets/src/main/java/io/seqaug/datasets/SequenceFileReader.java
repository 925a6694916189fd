package io.seqaug.datasets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the plain sequence format of the benchmark files: one user per line,
 * {@code user_id item_id item_id ...}, positive integer ids separated by spaces, items in time
 * order.
 *
 * <p>Users with fewer than 3 items cannot be split into training, validation and test; they are
 * skipped and counted in a warning, or rejected in strict mode. Trailing empty lines are allowed;
 * an empty line followed by more data is an error.
 */
public final class SequenceFileReader {

    private static final Logger LOG = LoggerFactory.getLogger(SequenceFileReader.class);

    /** The fewest items a user needs for a leave-one-out split. */
    public static final int MIN_ITEMS = 3;

    /**
     * The largest item id accepted: the item table has one row per id up to the largest, so ids in
     * the billions would ask the engine for hundreds of gigabytes. Sparse ids must be renumbered.
     */
    public static final int MAX_ITEM_ID = 20_000_000;

    private final boolean strict;

    /**
     * Creates a reader.
     *
     * @param strict whether users with fewer than 3 items are an error instead of a warning
     */
    public SequenceFileReader(boolean strict) {
        this.strict = strict;
    }

    /**
     * Reads a file.
     *
     * @param file the sequence file
     * @return the dataset, named after the file
     * @throws DatasetException when the file is missing or malformed, naming file, line and reason
     */
    public SequenceDataset read(Path file) {
        try (TextLines lines = TextLines.open(file)) {
            return read(lines, file.toString());
        }
    }

    /**
     * Reads from a character stream.
     *
     * @param input the data
     * @param source the name used in messages
     * @return the dataset
     * @throws IOException when reading fails
     */
    public SequenceDataset read(Reader input, String source) throws IOException {
        return read(TextLines.of(input, source), source);
    }

    private SequenceDataset read(TextLines reader, String source) {
        List<int[]> sequences = new ArrayList<>();
        List<Integer> users = new ArrayList<>();
        Set<Integer> seenUsers = new HashSet<>();
        int maxItem = 0;
        long maxItemLine = 0;
        Set<Integer> distinct = new HashSet<>();
        int skipped = 0;
        long firstEmptyLine = -1;
        long lineNo = 0;
        String line;
        while ((line = reader.next()) != null) {
            lineNo = reader.lineNumber();
            if (line.isBlank()) {
                if (firstEmptyLine < 0) {
                    firstEmptyLine = lineNo;
                }
                continue;
            }
            if (firstEmptyLine > 0) {
                throw DatasetException.atLine(source, firstEmptyLine,
                        "empty line in the middle of the data (more users follow at line " + lineNo + ")");
            }
            int[] tokens = parseLine(line, source, lineNo);
            int user = tokens[0];
            if (!seenUsers.add(user)) {
                throw DatasetException.atLine(source, lineNo, "user id " + user + " appears a second time");
            }
            int length = tokens.length - 1;
            if (length < MIN_ITEMS) {
                if (strict) {
                    throw DatasetException.atLine(source, lineNo, "user " + user + " has " + length
                            + " item(s); a leave-one-out split needs at least " + MIN_ITEMS);
                }
                skipped++;
                continue;
            }
            int[] items = new int[length];
            System.arraycopy(tokens, 1, items, 0, length);
            for (int item : items) {
                if (item > maxItem) {
                    maxItem = item;
                    maxItemLine = lineNo;
                }
                distinct.add(item);
            }
            users.add(user);
            sequences.add(items);
        }
        if (lineNo == 0) {
            throw new DatasetException(source + ": the file is empty");
        }
        if (maxItem > MAX_ITEM_ID) {
            throw DatasetException.atLine(source, maxItemLine, "item id " + maxItem + " is above " + MAX_ITEM_ID
                    + ": the item table has a row per id up to the largest, and the file has only " + distinct.size()
                    + " distinct items; renumber them 1.." + distinct.size());
        }
        if (maxItem > 2L * distinct.size() + 1000) {
            LOG.warn("{}: item ids are sparse: the largest is {} (line {}) but there are {} distinct items; the item"
                    + " table gets {} rows, so renumbering them would save memory", source, maxItem, maxItemLine,
                    distinct.size(), maxItem + 1);
        }
        if (skipped > 0) {
            LOG.warn("{}: skipped {} user(s) with fewer than {} items", source, skipped, MIN_ITEMS);
        }
        int[] userIds = users.stream().mapToInt(Integer::intValue).toArray();
        String name = Path.of(source).getFileName().toString();
        return new SequenceDataset(name, userIds, sequences.toArray(int[][]::new), maxItem);
    }

    private static int[] parseLine(String line, String source, long lineNo) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length < 2) {
            throw DatasetException.atLine(source, lineNo, "a line needs a user id and at least one item id");
        }
        int[] values = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String what = i == 0 ? "user id" : "item id";
            if (!TextLines.ASCII_WHOLE.matcher(parts[i]).matches()) {
                throw DatasetException.atLine(source, lineNo, what + " '" + parts[i] + "' (token " + (i + 1)
                        + ") is not a whole number written in the digits 0-9");
            }
            int value;
            try {
                value = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw DatasetException.atLine(source, lineNo, what + " " + parts[i] + " (token " + (i + 1)
                        + ") is above the largest id this reader takes, " + Integer.MAX_VALUE);
            }
            if (value <= 0) {
                throw DatasetException.atLine(source, lineNo, what + " " + value + " (token " + (i + 1)
                        + ") must be positive");
            }
            values[i] = value;
        }
        return values;
    }
}
