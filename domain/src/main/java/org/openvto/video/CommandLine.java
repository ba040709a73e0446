package org.openvto.video;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a command typed on the Video &amp; Audio page into program and arguments, as a POSIX shell would for words
 * and quotes only: blanks separate words, {@code '…'} is literal, {@code "…"} allows {@code \"} and {@code \\},
 * {@code \} escapes the next character outside quotes. No variables, globs, pipes or redirections: the command
 * runs without a shell, so nothing typed there is interpreted twice.
 */
public final class CommandLine {
    private CommandLine() {}

    /** The words, or empty when a quote is not closed or the line ends in a lone backslash. */
    public static Optional<List<String>> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i++);
            if (c == '\'') {
                int end = line.indexOf('\'', i);
                if (end < 0) {
                    return Optional.empty();
                }
                word.append(line, i, end);
                i = end + 1;
                inWord = true;
            } else if (c == '"') {
                boolean closed = false;
                while (i < n) {
                    char d = line.charAt(i++);
                    if (d == '"') {
                        closed = true;
                        break;
                    }
                    if (d == '\\' && i < n && (line.charAt(i) == '"' || line.charAt(i) == '\\')) {
                        d = line.charAt(i++);
                    }
                    word.append(d);
                }
                if (!closed) {
                    return Optional.empty();
                }
                inWord = true;
            } else if (c == '\\') {
                if (i == n) {
                    return Optional.empty();
                }
                word.append(line.charAt(i++));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return Optional.of(List.copyOf(words));
    }
}
