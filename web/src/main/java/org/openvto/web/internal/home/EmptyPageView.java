package org.openvto.web.internal.home;

/** What the template {@code console/empty.jte} shows: a menu page whose feature this firmware does not have yet. */
public record EmptyPageView(String message) {}
