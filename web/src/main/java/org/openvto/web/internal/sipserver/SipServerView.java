package org.openvto.web.internal.sipserver;

import org.openvto.network.SipServerSettings;
import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/**
 * What the template {@code console/network/sip.jte} shows: Network Setting › SIP Server.
 *
 * @param registration the VTO's own registration ({@code vtoNumber}) with the SIP server, as it stands now
 */
public record SipServerView(
        SipServerSettings sip,
        FormErrors errors,
        Notice notice,
        boolean altLocked,
        org.openvto.call.OwnRegistration registration,
        String vtoNumber) {}
