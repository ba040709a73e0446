package org.openvto.sip.proxy;

import java.util.List;

/** What happens to a dialog (RFC 3261 §12–§15); fed to {@link Dialog} by the {@link DialogTable}. */
public sealed interface DialogEvent {
    /** A 101–199 response with a To tag for the dialog's INVITE (§12.1). */
    record Provisional(int status) implements DialogEvent {}

    /** A 2xx for the INVITE: route set (Record-Route, reversed for the caller) and the callee's Contact. */
    record Answered(List<String> routeSet, String calleeTarget) implements DialogEvent {}

    /** A 300–699 final response on the dialog's branch (§12.3). */
    record Rejected(int status) implements DialogEvent {}

    /** A BYE of the dialog got its final response (§15.1.2). */
    record Bye() implements DialogEvent {}

    /** The dialog outlived its limit (a lost BYE, a device that vanished). */
    record Expired(String reason) implements DialogEvent {}
}
