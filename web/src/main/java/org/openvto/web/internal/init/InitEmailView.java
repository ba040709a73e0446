package org.openvto.web.internal.init;

import org.openvto.web.internal.view.FormErrors;

/** What the template {@code init_email.jte} shows: Device Init, the password-reset e-mail step. */
public record InitEmailView(FormErrors errors, String email, boolean enabled) {}
