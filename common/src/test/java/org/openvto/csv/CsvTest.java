package org.openvto.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        var p = Csv.parse("101,\"Muster, Anna \"\"A\"\"\",\"two\nlines\"\r\n102,Bob,", 10);
        assertThat(p.error()).isEmpty();
        assertThat(p.rows())
                .extracting(Csv.Row::fields)
                .containsExactly(List.of("101", "Muster, Anna \"A\"", "two\nlines"), List.of("102", "Bob", ""));
        assertThat(p.rows()).extracting(Csv.Row::line).containsExactly(1, 3);
    }

    @Test
    void aByteOrderMarkAndBlankLinesAreSkipped() {
        var p = Csv.parse("\uFEFFroom,name\n\n101,Anna\n", 10);
        assertThat(p.rows())
                .extracting(Csv.Row::fields)
                .containsExactly(List.of("room", "name"), List.of("101", "Anna"));
    }

    @Test
    void malformedInputIsAnErrorNamingTheLine() {
        assertThat(Csv.parse("a\nb,\"open", 10).error()).contains("line 2: a quoted field is not closed");
        assertThat(Csv.parse("\"a\"b", 10).error()).contains("line 1: text after a closing quote");
        assertThat(Csv.parse("1\n2\n3\n", 2).error()).contains("more than 2 rows");
    }

    @Test
    void writtenLinesReadBackTheSameAndFormulasAreDefused() {
        String line = Csv.line(List.of("a,b", "say \"hi\"", "=HYPERLINK(\"x\")", "-12.5", "@cmd", ""));
        assertThat(line).endsWith("\r\n");
        assertThat(Csv.parse(line, 1).rows().getFirst().fields())
                .containsExactly("a,b", "say \"hi\"", "'=HYPERLINK(\"x\")", "-12.5", "'@cmd", "");
    }
}
