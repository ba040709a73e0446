package org.openvto.web.internal;

/** What the template {@code restart.jte} shows: the page that waits for a restarted web server and reconnects. */
public record RestartView(String message, String target, String returnPath, String previous) {}
