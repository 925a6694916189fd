package io.seqaug.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The lines of a data file, read the one way every reader shares: UTF-8 only (a UTF-8 byte-order
 * mark is dropped), with a file in another encoding refused by name and line instead of a decoder's
 * bare message, and the number rules that readers apply to ids and timestamps.
 */
final class TextLines implements AutoCloseable {

    /** Whole numbers as written in data files: ASCII digits only (Java would also take other scripts' digits). */
    static final Pattern ASCII_WHOLE = Pattern.compile("[+-]?[0-9]+");

    /** Decimal numbers as written in data files: no type suffixes ({@code 1000f}), hex, infinity or NaN. */
    static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private final BufferedReader reader;
    private final String source;
    private final Path file;
    private long lineNo;

    private TextLines(BufferedReader reader, String source, Path file) {
        this.reader = reader;
        this.source = source;
        this.file = file;
    }

    /**
     * Opens a file.
     *
     * @param file the file
     * @return its lines
     * @throws DatasetException when it is missing, unreadable or starts with a UTF-16 or UTF-32 byte-order mark
     */
    static TextLines open(Path file) {
        String source = file.toString();
        try {
            InputStream in = Files.newInputStream(file);
            byte[] head = in.readNBytes(4);
            String other = otherEncoding(head);
            if (other != null) {
                in.close();
                throw new DatasetException(source + ": the file is " + other + " text; SeqAug reads UTF-8 (convert it, "
                        + "for example with iconv -f " + other + " -t UTF-8)");
            }
            InputStream whole = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), in);
            // Malformed bytes are an error, not a silent replacement character.
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            return new TextLines(new BufferedReader(new InputStreamReader(whole, decoder)), source, file);
        } catch (NoSuchFileException e) {
            throw new DatasetException(source + ": no such file");
        } catch (IOException e) {
            throw new DatasetException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Wraps a character stream (already decoded).
     *
     * @param reader the stream
     * @param source its name in messages
     * @return its lines
     */
    static TextLines of(java.io.Reader reader, String source) {
        return new TextLines(reader instanceof BufferedReader b ? b : new BufferedReader(reader), source, null);
    }

    private static String otherEncoding(byte[] head) {
        if (head.length >= 4 && head[0] == 0 && head[1] == 0 && (head[2] & 0xff) == 0xfe && (head[3] & 0xff) == 0xff) {
            return "UTF-32BE";
        }
        if (head.length >= 4 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe && head[2] == 0 && head[3] == 0) {
            return "UTF-32LE";
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff) {
            return "UTF-16BE";
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe) {
            return "UTF-16LE";
        }
        return null;
    }

    /**
     * The next line, without a leading UTF-8 byte-order mark on the first.
     *
     * @return the line, or {@code null} at the end
     * @throws DatasetException naming the line when its bytes are not UTF-8 or it holds NUL bytes
     */
    String next() {
        String line;
        try {
            line = reader.readLine();
        } catch (CharacterCodingException e) {
            // The decoder reads ahead of the lines handed out: find the line on the bytes.
            throw DatasetException.atLine(source, file == null ? lineNo + 1 : firstMalformedLine(file), "not UTF-8 text (SeqAug "
                    + "reads UTF-8; convert the file, for example with iconv -t UTF-8)");
        } catch (IOException e) {
            throw new DatasetException(source + ": cannot read: " + e.getMessage(), e);
        }
        if (line == null) {
            return null;
        }
        lineNo++;
        if (lineNo == 1 && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        if (line.indexOf('\0') >= 0) {
            throw DatasetException.atLine(source, lineNo, "not a text file (it holds NUL bytes)");
        }
        return line;
    }

    /** The first line whose bytes are not UTF-8 (1-based), or 1 when none is found. */
    private static long firstMalformedLine(Path file) {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            long number = 1;
            int b;
            while (true) {
                b = in.read();
                if (b == '\n' || b < 0) {
                    try {
                        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                .decode(java.nio.ByteBuffer.wrap(line.toByteArray()));
                    } catch (CharacterCodingException e) {
                        return number;
                    }
                    if (b < 0) {
                        return 1;
                    }
                    line.reset();
                    number++;
                } else {
                    line.write(b);
                }
            }
        } catch (IOException e) {
            return 1;
        }
    }

    /**
     * The number of the line {@link #next} returned last (1-based).
     *
     * @return the line number, 0 before the first
     */
    long lineNumber() {
        return lineNo;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new DatasetException(source + ": cannot close: " + e.getMessage(), e);
        }
    }
}
