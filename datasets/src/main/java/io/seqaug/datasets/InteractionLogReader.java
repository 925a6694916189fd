package io.seqaug.datasets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a raw interaction log (CSV or TSV with a header row) into a {@link SequenceDataset}: raw
 * user and item ids become dense ints in order of first appearance, each user's items are ordered
 * by timestamp (ties keep file order), and k-core filtering is repeated until every remaining user
 * and item has at least k interactions.
 *
 * <p>Fields follow CSV's quoting rule: a field that starts with {@code "} runs to the closing quote,
 * delimiters inside it included, and {@code ""} inside it is one quote. A row repeated exactly (same
 * user, item and timestamp) is one interaction: it is counted once, with a warning, so that a
 * duplicated last row cannot make a user's test item one it has already seen. Users left with fewer
 * than 3 interactions are skipped with a warning (an error when strict), and only the items of
 * the users kept are in the catalogue.
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

    private static final Logger LOG = LoggerFactory.getLogger(InteractionLogReader.class);

    private final Format format;
    private final boolean strict;

    /**
     * Creates a reader that skips users with fewer than 3 interactions, with a warning.
     *
     * @param format the column names, delimiter and k-core setting
     */
    public InteractionLogReader(Format format) {
        this(format, false);
    }

    /**
     * Creates a reader.
     *
     * @param format the column names, delimiter and k-core setting
     * @param strict whether a user with fewer than 3 interactions (after filtering) is an error
     */
    public InteractionLogReader(Format format, boolean strict) {
        this.format = format;
        this.strict = strict;
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
        return recbole(userColumn, itemColumn, timeColumn, kCore, false);
    }

    /**
     * A reader of RecBole atomic interaction files.
     *
     * @param userColumn the user field's name
     * @param itemColumn the item field's name
     * @param timeColumn the timestamp field's name
     * @param kCore minimum interactions per user and per item
     * @param strict whether a user with fewer than 3 interactions is an error
     * @return the reader
     */
    public static InteractionLogReader recbole(String userColumn, String itemColumn, String timeColumn, int kCore,
            boolean strict) {
        return new InteractionLogReader(new Format('\t', userColumn, itemColumn, timeColumn, kCore, true), strict);
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
        Set<Row> distinct = new HashSet<>();
        int repeated = 0;
        try (TextLines reader = TextLines.open(file)) {
            String header = reader.next();
            if (header == null) {
                throw new DatasetException(source + ": the file is empty");
            }
            String[] names = split(header, source, 1);
            if (format.typedHeader()) {
                names = typedNames(names, source);
            }
            int userCol = column(names, format.userColumn(), source);
            int itemCol = column(names, format.itemColumn(), source);
            int timeCol = column(names, format.timeColumn(), source);
            if (format.typedHeader()) {
                String[] typed = split(header, source, 1);
                requireType(typed, userCol, "token", source);
                requireType(typed, itemCol, "token", source);
                requireType(typed, timeCol, "float", source);
            }
            String line;
            while ((line = reader.next()) != null) {
                long lineNo = reader.lineNumber();
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = split(line, source, lineNo);
                if (fields.length < names.length) {
                    throw DatasetException.atLine(source, lineNo, "expected " + names.length + " fields, found "
                            + fields.length);
                }
                String stamp = fields[timeCol].trim();
                if (!TextLines.DECIMAL.matcher(stamp).matches() || !Double.isFinite(Double.parseDouble(stamp))) {
                    throw DatasetException.atLine(source, lineNo, "timestamp '" + fields[timeCol]
                            + "' in column '" + format.timeColumn() + "' is not a decimal number");
                }
                double time = Double.parseDouble(stamp);
                int user = userIndex.computeIfAbsent(fields[userCol].trim(), k -> userIndex.size());
                int item = itemIndex.computeIfAbsent(fields[itemCol].trim(), k -> itemIndex.size());
                if (distinct.add(new Row(user, item, time, 0))) {
                    rows.add(new Row(user, item, time, lineNo));
                } else {
                    repeated++;
                }
            }
        }
        if (repeated > 0) {
            LOG.warn("{}: {} row(s) repeat an earlier row's user, item and timestamp exactly; each counted once", source, repeated);
        }
        List<Row> kept = kCore(rows, userIndex.size(), itemIndex.size());
        if (kept.isEmpty() && !rows.isEmpty()) {
            throw new DatasetException(source + ": the " + format.kCore() + "-core filter (every user and item with at least "
                    + format.kCore() + " interactions, repeated until stable) removed all " + rows.size()
                    + " interactions of " + userIndex.size() + " users and " + itemIndex.size()
                    + " items; lower seqaug.data.interactions.k-core or set it to 0");
        }
        if (kept.size() < rows.size()) {
            LOG.info("{}: the {}-core filter kept {} of {} interactions ({} of {} users, {} of {} items)", source,
                    format.kCore(), kept.size(), rows.size(), kept.stream().mapToInt(Row::user).distinct().count(),
                    userIndex.size(), kept.stream().mapToInt(Row::item).distinct().count(), itemIndex.size());
        }
        return toDataset(source, kept, inverse(userIndex), inverse(itemIndex));
    }

    /** One row's fields: split on the delimiter, with CSV's quoting (not in RecBole's files, which have none). */
    private String[] split(String line, String source, long lineNo) {
        char delimiter = format.delimiter();
        if (format.typedHeader() || line.indexOf('"') < 0) {
            return line.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1);
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw DatasetException.atLine(source, lineNo, "a quoted field is not closed on its line");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < line.length() && line.charAt(i) != delimiter) {
                    throw DatasetException.atLine(source, lineNo, "text follows a quoted field's closing quote");
                }
            } else {
                while (i < line.length() && line.charAt(i) != delimiter) {
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= line.length()) {
                return fields.toArray(String[]::new);
            }
            i++; // the delimiter
        }
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

    private static void requireType(String[] header, int column, String type, String source) {
        String field = header[column].trim();
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

    /** The keys of an index built by order of first appearance, by their value. */
    private static String[] inverse(Map<String, Integer> index) {
        String[] keys = new String[index.size()];
        index.forEach((key, value) -> keys[value] = key);
        return keys;
    }

    private SequenceDataset toDataset(String source, List<Row> rows, String[] rawUsers, String[] rawItems) {
        Map<Integer, List<Row>> byUser = new LinkedHashMap<>();
        for (Row r : rows) {
            byUser.computeIfAbsent(r.user(), u -> new ArrayList<>()).add(r);
        }
        List<List<Row>> users = new ArrayList<>();
        int skipped = 0;
        for (Map.Entry<Integer, List<Row>> e : byUser.entrySet()) {
            if (e.getValue().size() >= SequenceFileReader.MIN_ITEMS) {
                users.add(e.getValue());
                continue;
            }
            if (strict) {
                throw DatasetException.atLine(source, e.getValue().get(0).order(), "user '" + rawUsers[e.getKey()] + "' has "
                        + e.getValue().size() + " interaction(s) after filtering; a leave-one-out split needs at least "
                        + SequenceFileReader.MIN_ITEMS + " (seqaug.data.strict = false skips such users)");
            }
            skipped++;
        }
        if (skipped > 0) {
            LOG.warn("{}: skipped {} user(s) with fewer than {} interactions; their items are not in the catalogue unless "
                    + "another user has them", source, skipped, SequenceFileReader.MIN_ITEMS);
        }
        // Dense ids in order of first appearance in the file, over the users kept.
        int[] itemId = new int[rawItems.length];
        String[] itemLabels = new String[rawItems.length + 1];
        int nextItem = 0;
        List<Row> keptRows = new ArrayList<>();
        users.forEach(keptRows::addAll);
        keptRows.sort((a, b) -> Long.compare(a.order(), b.order()));
        for (Row r : keptRows) {
            if (itemId[r.item()] == 0) {
                itemId[r.item()] = ++nextItem;
                itemLabels[nextItem] = rawItems[r.item()];
            }
        }
        List<int[]> sequences = new ArrayList<>();
        for (List<Row> userRows : users) {
            // List.sort is stable, so equal timestamps keep file order.
            userRows.sort((a, b) -> Double.compare(a.time(), b.time()));
            sequences.add(userRows.stream().mapToInt(r -> itemId[r.item()]).toArray());
        }
        int[] userIds = new int[sequences.size()];
        String[] userLabels = new String[sequences.size()];
        for (int u = 0; u < userIds.length; u++) {
            userIds[u] = u + 1;
            userLabels[u] = rawUsers[users.get(u).get(0).user()];
        }
        String name = Path.of(source).getFileName().toString();
        return new SequenceDataset(name, userIds, sequences.toArray(int[][]::new), nextItem,
                new SequenceDataset.Labels(userLabels, Arrays.copyOf(itemLabels, nextItem + 1)));
    }
}
