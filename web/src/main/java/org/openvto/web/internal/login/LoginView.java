package org.openvto.web.internal.login;

import org.openvto.web.internal.view.Notice;

/** What the template {@code login.jte} shows: the login page. */
public record LoginView(String username, Notice notice) {}
