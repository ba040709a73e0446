package org.openvto.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RFC 4180 comma-separated values. Fields may be quoted ({@code "a, b"}, {@code "say ""hi"""}), lines end in CRLF
 * or LF, a quoted field may span lines. Stateless, thread-safe.
 */
public final class Csv {
    private Csv() {}

    /** One parsed row and the line it started on (1-based), for error messages. */
    public record Row(int line, List<String> fields) {
        public Row {
            fields = List.copyOf(fields);
        }

        public String field(int i) {
            return i < fields.size() ? fields.get(i).strip() : "";
        }
    }

    /** Rows, or the error: an unterminated quote or text after a closing quote, with its line. */
    public record Parsed(List<Row> rows, Optional<String> error) {}

    /** Parses {@code text}; blank lines are skipped. At most {@code maxRows} rows (more is an error). */
    public static Parsed parse(String text, int maxRows) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        int i = 0;
        int n = text.length();
        if (n > 0 && text.charAt(0) == '\uFEFF') {
            i = 1; // a UTF-8 byte order mark from a spreadsheet
        }
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                if (!(fields.size() == 1 && fields.get(0).isBlank())) {
                    rows.add(new Row(rowLine, fields));
                    if (rows.size() > maxRows) {
                        return new Parsed(List.of(), Optional.of("more than " + maxRows + " rows"));
                    }
                }
                fields = new ArrayList<>();
                line++;
                rowLine = line;
            } else if (afterQuote) {
                return new Parsed(List.of(), Optional.of("line " + line + ": text after a closing quote"));
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return new Parsed(List.of(), Optional.of("line " + rowLine + ": a quoted field is not closed"));
        }
        fields.add(field.toString());
        if (!(fields.size() == 1 && fields.get(0).isBlank())) {
            rows.add(new Row(rowLine, fields));
            if (rows.size() > maxRows) {
                return new Parsed(List.of(), Optional.of("more than " + maxRows + " rows"));
            }
        }
        return new Parsed(rows, Optional.empty());
    }

    /**
     * One row as a CSV line ending in CRLF; a field with a comma, quote or line break is quoted, and one that a
     * spreadsheet would run as a formula ({@code = + - @} first) is prefixed with {@code '} (CSV injection).
     */
    public static String line(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (!f.isEmpty() && "=+-@".indexOf(f.charAt(0)) >= 0 && !f.matches("-?[0-9.]+")) {
                f = "'" + f;
            }
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                b.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                b.append(f);
            }
        }
        return b.append("\r\n").toString();
    }
}
