package org.openvto.security;

import java.time.Instant;

/** One line of the security log the administrator reads under Log / Record Search. */
public record SecurityLogEntry(long id, Instant at, String event, String username, String source, String detail) {}
