package org.openvto.centre;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON bodies sent to the centre (documented in docs/CENTRE.md): flat objects of strings, numbers and
 * booleans, written without a JSON library (the domain has none). Immutable builder use: {@code new
 * CentreJson().put("type", "duress").toString()}. Not thread-safe.
 */
public final class CentreJson {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    public CentreJson put(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        fields.forEach((k, v) -> {
            if (b.length() > 1) {
                b.append(',');
            }
            quote(b, k).append(':');
            if (v == null) {
                b.append("null");
            } else if (v instanceof Number || v instanceof Boolean) {
                b.append(v);
            } else {
                quote(b, v.toString());
            }
        });
        return b.append('}').toString();
    }

    private static StringBuilder quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }
}
