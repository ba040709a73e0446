package org.openvto.web.internal.account;

import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/** What the template {@code console/security.jte} shows: Local Setting › Security (the admin password). */
public record PasswordView(FormErrors errors, Notice notice, int lockThreshold, long lockMinutes) {}
