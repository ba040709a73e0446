package org.openvto.web.internal.init;

import org.openvto.web.internal.view.FormErrors;

/** What the template {@code init_password.jte} shows: Device Init, the password step. */
public record InitPasswordView(FormErrors errors) {}
