package org.issuetracker.interfaces.rest;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 rows that a spreadsheet opens as data only. A cell is quoted when it holds a quote, a line break or
 * either separator a spreadsheet may split on ({@code ,} by default, {@code ;} in many European locales), so no
 * value ever spills into a cell of its own; and a cell that a spreadsheet would run as a formula gets a leading
 * apostrophe (OWASP's advice on CSV injection), also when the formula hides behind spaces or quotes.
 */
final class CsvFormat {

    /** What starts a formula: = + - @, a tab or line break, and their full-width forms. */
    private static final String FORMULA_STARTS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";

    private CsvFormat() {}

    static void writeRow(Writer writer, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(cell(cells.get(i)));
        }
        writer.write("\r\n");
    }

    static String cell(String value) {
        String text = value == null ? "" : value;
        if (startsFormula(text)) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0
                || text.indexOf(';') >= 0
                || text.indexOf('"') >= 0
                || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /** Whether the first character that is not a space or a quote starts a formula. */
    private static boolean startsFormula(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (FORMULA_STARTS.indexOf(c) >= 0) {
                return true;
            }
            if (c != ' ' && c != '"' && c != '\'') {
                return false;
            }
        }
        return false;
    }
}
