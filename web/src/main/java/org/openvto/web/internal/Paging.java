package org.openvto.web.internal;

/**
 * Which page of a paged list a request shows: the 1-based {@code page} of {@code ?page=} (kept within the
 * {@code pages} there are; a list that is empty has one page) and its offset.
 */
public record Paging(long total, int page, int pages, int size) {
    public static Paging of(long total, int size, String rawPage) {
        int pages = (int) Math.max(1, (total + size - 1) / size);
        return new Paging(total, Math.min(Saved.page(rawPage), pages), pages, size);
    }

    public int offset() {
        return (page - 1) * size;
    }
}
