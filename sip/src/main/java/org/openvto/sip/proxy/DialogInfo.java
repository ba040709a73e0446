package org.openvto.sip.proxy;

import java.time.Instant;
import java.util.List;

/**
 * An immutable snapshot of a {@link Dialog} for status pages and call records.
 *
 * @param caller     the From URI of the INVITE
 * @param callee     the To URI of the INVITE (the room or VTO called)
 * @param requestUri the INVITE's Request-URI
 * @param routeSet   Record-Route of the 2xx (empty until answered)
 * @param calleeTarget the answering device's Contact (null until answered)
 * @param answeredAt null while unanswered
 * @param endedAt    null while the dialog lives
 * @param endReason  why it ended ("BYE", "rejected 486", "expired …"), null while it lives
 */
public record DialogInfo(
        DialogId id,
        Dialog.State state,
        String caller,
        String callee,
        String requestUri,
        List<String> routeSet,
        String calleeTarget,
        Instant createdAt,
        Instant answeredAt,
        Instant endedAt,
        String endReason) {}
