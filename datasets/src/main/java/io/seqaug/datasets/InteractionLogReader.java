package io.seqaug.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a raw interaction log (CSV or TSV with a header row) into a {@link SequenceDataset}: raw
 * user and item ids become dense ints in order of first appearance, each user's items are ordered
 * by timestamp (ties keep file order), and k-core filtering is repeated until every remaining user
 * and item has at least k interactions.
 *
 * <p>Fields are split on the delimiter without quoting rules, which is what interaction dumps use.
 *
 * <p>RecBole's atomic interaction files ({@code .inter}) are the same with a typed header: tab-separated
 * {@code name:type} fields such as {@code user_id:token item_id:token rating:float timestamp:float}
 * ({@link #recbole}). The user and item columns must be {@code token}s and the timestamp a
 * {@code float}; RecBole's {@code user_inter_num_interval = "[k,inf)"} and
 * {@code item_inter_num_interval = "[k,inf)"}, filtered until stable, are this reader's k-core.
 */
public final class InteractionLogReader {

    /**
     * Which columns hold what, and how to filter.
     *
     * @param delimiter field separator, for example {@code ','} or {@code '\t'}
     * @param userColumn header name of the user column
     * @param itemColumn header name of the item column
     * @param timeColumn header name of the timestamp column (a number)
     * @param kCore minimum interactions per user and per item; 0 or 1 disables filtering
     * @param typedHeader whether header fields are RecBole's {@code name:type}
     */
    public record Format(char delimiter, String userColumn, String itemColumn, String timeColumn, int kCore,
            boolean typedHeader) {

        /**
         * A plain CSV/TSV header.
         *
         * @param delimiter field separator
         * @param userColumn the user column
         * @param itemColumn the item column
         * @param timeColumn the timestamp column
         * @param kCore minimum interactions per user and item
         */
        public Format(char delimiter, String userColumn, String itemColumn, String timeColumn, int kCore) {
            this(delimiter, userColumn, itemColumn, timeColumn, kCore, false);
        }

        /** Rejects a negative k. */
        public Format {
            if (kCore < 0) {
                throw new IllegalArgumentException("k-core must be >= 0, got " + kCore);
            }
        }
    }

    private record Row(int user, int item, double time, long order) {}

    private final Format format;

    /**
     * Creates a reader.
     *
     * @param format the column names, delimiter and k-core setting
     */
    public InteractionLogReader(Format format) {
        this.format = format;
    }

    /**
     * A reader of RecBole atomic interaction files: tab-separated, typed header.
     *
     * @param userColumn the user field's name, such as {@code user_id}
     * @param itemColumn the item field's name, such as {@code item_id}
     * @param timeColumn the timestamp field's name, such as {@code timestamp}
     * @param kCore minimum interactions per user and per item
     * @return the reader
     */
    public static InteractionLogReader recbole(String userColumn, String itemColumn, String timeColumn, int kCore) {
        return new InteractionLogReader(new Format('\t', userColumn, itemColumn, timeColumn, kCore, true));
    }

    /**
     * Reads and filters a log.
     *
     * @param file the CSV or TSV file
     * @return the dataset
     * @throws DatasetException when the file is missing, a column is absent or a row is malformed
     */
    public SequenceDataset read(Path file) {
        String source = file.toString();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> userIndex = new HashMap<>();
        Map<String, Integer> itemIndex = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new DatasetException(source + ": the file is empty");
            }
            String[] names = split(header.startsWith("\uFEFF") ? header.substring(1) : header);
            if (format.typedHeader()) {
                names = typedNames(names, source);
            }
            int userCol = column(names, format.userColumn(), source);
            int itemCol = column(names, format.itemColumn(), source);
            int timeCol = column(names, format.timeColumn(), source);
            if (format.typedHeader()) {
                requireType(header, userCol, "token", source);
                requireType(header, itemCol, "token", source);
                requireType(header, timeCol, "float", source);
            }
            String line;
            long lineNo = 1;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = split(line);
                if (fields.length < names.length) {
                    throw DatasetException.atLine(source, lineNo, "expected " + names.length + " fields, found "
                            + fields.length);
                }
                double time;
                try {
                    time = Double.parseDouble(fields[timeCol].trim());
                } catch (NumberFormatException e) {
                    time = Double.NaN;
                }
                if (!Double.isFinite(time)) {
                    throw DatasetException.atLine(source, lineNo, "timestamp '" + fields[timeCol]
                            + "' in column '" + format.timeColumn() + "' is not a finite number");
                }
                int user = userIndex.computeIfAbsent(fields[userCol].trim(), k -> userIndex.size());
                int item = itemIndex.computeIfAbsent(fields[itemCol].trim(), k -> itemIndex.size());
                rows.add(new Row(user, item, time, lineNo));
            }
        } catch (NoSuchFileException e) {
            throw new DatasetException(source + ": no such file");
        } catch (IOException e) {
            throw new DatasetException(source + ": cannot read: " + e.getMessage(), e);
        }
        List<Row> kept = kCore(rows, userIndex.size(), itemIndex.size());
        if (kept.isEmpty() && !rows.isEmpty()) {
            throw new DatasetException(source + ": the " + format.kCore() + "-core filter (every user and item with at least "
                    + format.kCore() + " interactions, repeated until stable) removed all " + rows.size()
                    + " interactions of " + userIndex.size() + " users and " + itemIndex.size()
                    + " items; lower seqaug.data.interactions.k-core or set it to 0");
        }
        return toDataset(source, kept, itemIndex.size());
    }

    private String[] split(String line) {
        return line.split(java.util.regex.Pattern.quote(String.valueOf(format.delimiter())), -1);
    }

    private static final java.util.Set<String> RECBOLE_TYPES = java.util.Set.of("token", "token_seq", "float", "float_seq");

    /** RecBole's {@code name:type} header fields, as names; a field without a known type is an error. */
    private static String[] typedNames(String[] fields, String source) {
        String[] names = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            String field = fields[i].trim();
            int colon = field.lastIndexOf(':');
            String type = colon < 0 ? "" : field.substring(colon + 1);
            if (colon <= 0 || !RECBOLE_TYPES.contains(type)) {
                throw new DatasetException(source + ":1: header field '" + field + "' is not RecBole's name:type (types "
                        + String.join(", ", new java.util.TreeSet<>(RECBOLE_TYPES)) + ")");
            }
            names[i] = field.substring(0, colon);
        }
        return names;
    }

    private void requireType(String header, int column, String type, String source) {
        String field = split(header.startsWith("\uFEFF") ? header.substring(1) : header)[column].trim();
        if (!field.endsWith(":" + type)) {
            throw new DatasetException(source + ":1: header field '" + field + "' must be of type " + type);
        }
    }

    private static int column(String[] names, String wanted, String source) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].trim().equals(wanted)) {
                return i;
            }
        }
        throw new DatasetException(source + ":1: no column named '" + wanted + "' in header "
                + Arrays.toString(names));
    }

    private List<Row> kCore(List<Row> rows, int users, int items) {
        int k = format.kCore();
        if (k <= 1) {
            return rows;
        }
        List<Row> current = rows;
        while (true) {
            int[] perUser = new int[users];
            int[] perItem = new int[items];
            for (Row r : current) {
                perUser[r.user()]++;
                perItem[r.item()]++;
            }
            List<Row> next = new ArrayList<>(current.size());
            for (Row r : current) {
                if (perUser[r.user()] >= k && perItem[r.item()] >= k) {
                    next.add(r);
                }
            }
            if (next.size() == current.size()) {
                return next;
            }
            current = next;
        }
    }

    private static SequenceDataset toDataset(String source, List<Row> rows, int rawItems) {
        // Dense ids in order of first appearance in the file, after filtering.
        int[] itemId = new int[rawItems];
        int nextItem = 0;
        Map<Integer, List<Row>> byUser = new LinkedHashMap<>();
        for (Row r : rows) {
            if (itemId[r.item()] == 0) {
                itemId[r.item()] = ++nextItem;
            }
            byUser.computeIfAbsent(r.user(), u -> new ArrayList<>()).add(r);
        }
        List<int[]> sequences = new ArrayList<>();
        for (List<Row> userRows : byUser.values()) {
            if (userRows.size() < SequenceFileReader.MIN_ITEMS) {
                continue;
            }
            // List.sort is stable, so equal timestamps keep file order.
            userRows.sort((a, b) -> Double.compare(a.time(), b.time()));
            sequences.add(userRows.stream().mapToInt(r -> itemId[r.item()]).toArray());
        }
        int[] userIds = new int[sequences.size()];
        for (int u = 0; u < userIds.length; u++) {
            userIds[u] = u + 1;
        }
        String name = Path.of(source).getFileName().toString();
        return new SequenceDataset(name, userIds, sequences.toArray(int[][]::new), nextItem);
    }
}
