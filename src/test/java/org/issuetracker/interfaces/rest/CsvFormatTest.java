package org.issuetracker.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvFormatTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "=1+2",
                "+1+2",
                "-1+2",
                "@SUM(A1)",
                "\t=1",
                "\r=1",
                "  =1+2",
                "\"=1+2",
                "'=1+2",
                "\uFF1D1+2",
                "=HYPERLINK(\"http://example.com\")"
            })
    void aCellThatASpreadsheetWouldRunAsAFormulaStartsWithAnApostrophe(String value) {
        String cell = CsvFormat.cell(value);

        assertThat(unquoted(cell)).startsWith("'");
    }

    @Test
    void aCellWithEitherSeparatorAQuoteOrALineBreakIsQuoted() {
        assertThat(CsvFormat.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvFormat.cell("a;b")).isEqualTo("\"a;b\"");
        assertThat(CsvFormat.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvFormat.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvFormat.cell("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
    }

    @Test
    void aFormulaHiddenAfterASeparatorCannotStartACellOfItsOwn() {
        // in a locale whose separator is ';' an unquoted "x;=cmd" would be two cells, the second a formula
        assertThat(CsvFormat.cell("x;=cmd|' /C calc'!A0")).isEqualTo("\"x;=cmd|' /C calc'!A0\"");
        assertThat(CsvFormat.cell("=1+2\";=1+2")).isEqualTo("\"'=1+2\"\";=1+2\"");
    }

    @Test
    void plainTextNumbersAndDatesStayAsTheyAre() {
        assertThat(CsvFormat.cell("Printer jams")).isEqualTo("Printer jams");
        assertThat(CsvFormat.cell("42")).isEqualTo("42");
        assertThat(CsvFormat.cell("2026-11-26T10:00:00Z")).isEqualTo("2026-11-26T10:00:00Z");
        assertThat(CsvFormat.cell("a-b=c")).isEqualTo("a-b=c");
        assertThat(CsvFormat.cell(null)).isEmpty();
    }

    @Test
    void aRowEndsWithCrLf() throws Exception {
        StringWriter out = new StringWriter();

        CsvFormat.writeRow(out, List.of("a", "b;c", "=d"));

        assertThat(out).hasToString("a,\"b;c\",'=d\r\n");
    }

    private static String unquoted(String cell) {
        return cell.startsWith("\"") ? cell.substring(1) : cell;
    }
}
