package io.seqaug.runtime.report;

/** CSV as the files SeqAug writes use it (RFC 4180). */
public final class Csv {

    private Csv() {}

    /**
     * One field: as it is, or quoted when it holds a comma, a quote or a line break.
     *
     * @param value the field's text
     * @return the text to write
     */
    public static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
