package org.openvto.sip.codec;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ordered, case-insensitive multimap of SIP header fields.
 *
 * <p>Order of fields is kept exactly as received or added (RFC 3261 §7.3.1: the relative order of
 * fields with the same name is significant, e.g. Via and Route). Lookup accepts full or compact names in
 * any case: {@code get("v")}, {@code get("VIA")} and {@code get(SipHeaderNames.VIA)} are the same.
 * Values are stored as received and never reformatted; use {@link #splitValues(String)} or
 * {@link #getAllSplit(String)} for comma-separated list headers. Lookups are linear scans, which beat
 * hashing for the 8-20 fields of a typical message.
 *
 * <p>Mutable and <b>not</b> thread-safe: a message belongs to one thread at a time (e.g. its channel's
 * event loop). Mutators reject names that are not tokens and values containing CR or LF, so a header
 * can never inject another header into the encoded message.
 */
public final class SipHeaders {
    private String[] names;
    private String[] keys;
    private String[] values;
    private int size;

    public SipHeaders() {
        this(16);
    }

    SipHeaders(int capacity) {
        names = new String[capacity];
        keys = new String[capacity];
        values = new String[capacity];
    }

    /** A deep copy; later changes to either object do not affect the other. */
    public SipHeaders copy() {
        SipHeaders c = new SipHeaders(Math.max(names.length, 1));
        System.arraycopy(names, 0, c.names, 0, size);
        System.arraycopy(keys, 0, c.keys, 0, size);
        System.arraycopy(values, 0, c.values, 0, size);
        c.size = size;
        return c;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Appends a field. */
    public SipHeaders add(String name, String value) {
        insert(size, checkName(name), checkValue(value));
        return this;
    }

    /** Inserts a field before all other fields of the same name (or appends if none), e.g. a new top Via. */
    public SipHeaders addFirst(String name, String value) {
        String key = SipHeaderNames.key(checkName(name));
        checkValue(value);
        int at = indexOf(key, 0);
        insert(at < 0 ? size : at, name, value);
        return this;
    }

    /** Replaces all fields of this name by one field at the position of the first (or appends). */
    public SipHeaders set(String name, String value) {
        String key = SipHeaderNames.key(checkName(name));
        checkValue(value);
        int at = indexOf(key, 0);
        if (at < 0) {
            insert(size, name, value);
            return this;
        }
        names[at] = SipHeaderNames.canonical(name);
        values[at] = value;
        removeFrom(key, at + 1);
        return this;
    }

    /** Removes all fields of this name; returns how many were removed. */
    public int remove(String name) {
        return removeFrom(SipHeaderNames.key(name), 0);
    }

    /** Removes the first field of this name and returns its value, or {@code null} if there is none. */
    public String removeFirst(String name) {
        int at = indexOf(SipHeaderNames.key(name), 0);
        if (at < 0) {
            return null;
        }
        String v = values[at];
        removeAt(at);
        return v;
    }

    /** The value of the first field of this name, or {@code null}. */
    public String get(String name) {
        int at = indexOf(SipHeaderNames.key(name), 0);
        return at < 0 ? null : values[at];
    }

    /**
     * Replaces the first element of the first Via field (the top Via) with {@code topVia}, keeping any
     * further comma-separated elements of that field. Does nothing when there is no Via.
     */
    public void replaceTopVia(String topVia) {
        int at = indexOf(SipHeaderNames.key(SipHeaderNames.VIA), 0);
        if (at < 0) {
            return;
        }
        List<String> elements = splitValues(values[at]);
        elements.set(0, checkValue(topVia));
        values[at] = String.join(", ", elements);
    }

    /** Removes the first element of the top Via field (a proxy forwarding a response, §16.7 step 3). */
    public void removeTopVia() {
        int at = indexOf(SipHeaderNames.key(SipHeaderNames.VIA), 0);
        if (at < 0) {
            return;
        }
        List<String> elements = splitValues(values[at]);
        if (elements.size() <= 1) {
            removeAt(at);
        } else {
            values[at] = String.join(", ", elements.subList(1, elements.size()));
        }
    }

    /** The values of all fields of this name in order (not split at commas); empty if none. */
    public List<String> getAll(String name) {
        String key = SipHeaderNames.key(name);
        List<String> out = new ArrayList<>(2);
        for (int i = 0; i < size; i++) {
            if (matches(i, key)) {
                out.add(values[i]);
            }
        }
        return out;
    }

    /**
     * All values of this name with comma-separated lists split into elements (for list headers such as
     * Via, Contact, Route, Record-Route, Allow, Supported). Do not use for headers whose values may
     * contain unquoted commas (e.g. Date, WWW-Authenticate).
     */
    public List<String> getAllSplit(String name) {
        String key = SipHeaderNames.key(name);
        List<String> out = new ArrayList<>(2);
        for (int i = 0; i < size; i++) {
            if (matches(i, key)) {
                splitValues(values[i], out);
            }
        }
        return out;
    }

    public boolean contains(String name) {
        return indexOf(SipHeaderNames.key(name), 0) >= 0;
    }

    /** How many fields (not list elements) have this name. */
    public int count(String name) {
        String key = SipHeaderNames.key(name);
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (matches(i, key)) {
                n++;
            }
        }
        return n;
    }

    /** Name of the field at {@code index} (canonical spelling for known headers). */
    public String nameAt(int index) {
        checkIndex(index);
        return names[index];
    }

    /** Value of the field at {@code index}. */
    public String valueAt(int index) {
        checkIndex(index);
        return values[index];
    }

    /** Lower-case full-form lookup key of the field at {@code index}. */
    String keyAt(int index) {
        return keys[index];
    }

    /** A read-only live view of the fields in order. */
    public List<SipHeader> asList() {
        return new AbstractList<>() {
            @Override
            public SipHeader get(int index) {
                checkIndex(index);
                return new SipHeader(names[index], values[index]);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /**
     * Splits a comma-separated header value into trimmed elements. Commas inside quoted strings
     * (with backslash escapes) and inside {@code <...>} are not separators; empty elements are dropped.
     */
    public static List<String> splitValues(String value) {
        List<String> out = new ArrayList<>(2);
        splitValues(value, out);
        return out;
    }

    static void splitValues(String value, List<String> out) {
        int start = 0;
        for (int comma = nextSeparator(value, 0); comma >= 0; comma = nextSeparator(value, start)) {
            addTrimmed(value, start, comma, out);
            start = comma + 1;
        }
        addTrimmed(value, start, value.length(), out);
    }

    /** Index of the first comma that separates list elements in {@code value}, or -1. */
    static int firstSeparator(String value) {
        return nextSeparator(value, 0);
    }

    /**
     * Index of the first list-separating comma at or after {@code from}, or -1. Commas inside quoted
     * strings (with backslash escapes) and inside {@code <...>} do not separate.
     */
    static int nextSeparator(String value, int from) {
        boolean quoted = false;
        boolean angle = false;
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                angle = true;
            } else if (c == '>') {
                angle = false;
            } else if (c == ',' && !angle) {
                return i;
            }
        }
        return -1;
    }

    private static void addTrimmed(String s, int from, int to, List<String> out) {
        from = SipChars.skipLws(s, from, to);
        while (to > from && SipChars.isLws(s.charAt(to - 1))) {
            to--;
        }
        if (to > from) {
            out.add(s.substring(from, to));
        }
    }

    /** Decoder fast path: name and key already canonical, value already checked. */
    void addTrusted(String name, String key, String value) {
        if (size == names.length) {
            grow();
        }
        names[size] = name;
        keys[size] = key;
        values[size] = value;
        size++;
    }

    private void insert(int at, String name, String value) {
        if (size == names.length) {
            grow();
        }
        String canonical = SipHeaderNames.canonical(name);
        String key = SipHeaderNames.key(name);
        System.arraycopy(names, at, names, at + 1, size - at);
        System.arraycopy(keys, at, keys, at + 1, size - at);
        System.arraycopy(values, at, values, at + 1, size - at);
        names[at] = canonical;
        keys[at] = key;
        values[at] = value;
        size++;
    }

    private void grow() {
        int cap = Math.max(4, names.length * 2);
        names = Arrays.copyOf(names, cap);
        keys = Arrays.copyOf(keys, cap);
        values = Arrays.copyOf(values, cap);
    }

    private int removeFrom(String key, int from) {
        int removed = 0;
        int w = from;
        for (int r = from; r < size; r++) {
            if (matches(r, key)) {
                removed++;
            } else {
                names[w] = names[r];
                keys[w] = keys[r];
                values[w] = values[r];
                w++;
            }
        }
        for (int i = w; i < size; i++) {
            names[i] = null;
            keys[i] = null;
            values[i] = null;
        }
        size = w;
        return removed;
    }

    private void removeAt(int at) {
        System.arraycopy(names, at + 1, names, at, size - at - 1);
        System.arraycopy(keys, at + 1, keys, at, size - at - 1);
        System.arraycopy(values, at + 1, values, at, size - at - 1);
        size--;
        names[size] = null;
        keys[size] = null;
        values[size] = null;
    }

    int indexOf(String key, int from) {
        for (int i = from; i < size; i++) {
            if (matches(i, key)) {
                return i;
            }
        }
        return -1;
    }

    private boolean matches(int i, String key) {
        String k = keys[i];
        return k == key || k.equals(key);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
    }

    private static String checkName(String name) {
        if (name == null || !SipChars.isToken(name)) {
            throw new IllegalArgumentException("header name is not a token: " + name);
        }
        return name;
    }

    private static String checkValue(String value) {
        if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("header value must be non-null and single-line");
        }
        return value;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) {
            sb.append(names[i]).append(": ").append(values[i]).append("\r\n");
        }
        return sb.toString();
    }
}
