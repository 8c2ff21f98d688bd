package org.issuetracker.interfaces.web.issue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IssueCsvExportTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "plain|plain",
                "a, b|\"a, b\"",
                "say \"hi\"|\"say \"\"hi\"\"\"",
                "=1+2|'=1+2",
                "+cmd|'+cmd",
                "-2|'-2",
                "@SUM(A1)|'@SUM(A1)",
                "=HYPERLINK(\"x\", \"y\")|\"'=HYPERLINK(\"\"x\"\", \"\"y\"\")\""
            })
    void quotesWhatNeedsQuotingAndDefusesFormulas(String value, String cell) {
        assertThat(IssueCsvExport.cell(value)).isEqualTo(cell);
    }
}
