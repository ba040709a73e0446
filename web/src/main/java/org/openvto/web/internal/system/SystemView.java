package org.openvto.web.internal.system;

import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/** What the template {@code console/system.jte} shows: Local Setting › System (backup and restore). */
public record SystemView(FormErrors errors, Notice notice) {}
