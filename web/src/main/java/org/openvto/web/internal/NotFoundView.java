package org.openvto.web.internal;

/** What the template {@code not_found.jte} shows: the console 404 page. */
public record NotFoundView(String path) {}
