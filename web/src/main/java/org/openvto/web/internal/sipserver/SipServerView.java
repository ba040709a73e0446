package org.openvto.web.internal.sipserver;

import org.openvto.network.SipServerSettings;
import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/** What the template {@code console/network/sip.jte} shows: Network Setting › SIP Server. */
public record SipServerView(SipServerSettings sip, FormErrors errors, Notice notice, boolean altLocked) {}
