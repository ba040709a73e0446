package org.openvto.web.internal.network;

import org.openvto.network.NetworkSettings;
import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/** What the template {@code console/network/basic.jte} shows: Network Setting › Basic. */
public record NetworkView(
        NetworkSettings net,
        FormErrors errors,
        Notice notice,
        boolean hostHasAddress,
        String listening,
        String storedIp) {}
