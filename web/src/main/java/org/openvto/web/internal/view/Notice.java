package org.openvto.web.internal.view;

/** A one-line message above a form: {@code kind} is {@code error}, {@code ok} or {@code info}. */
public record Notice(String kind, String text) {
    public static final Notice NONE = new Notice("", "");

    public boolean present() {
        return !text.isEmpty();
    }
}
