package org.openvto.sip.proxy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openvto.sip.codec.NameAddr;
import org.openvto.sip.codec.SipMethod;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;

/**
 * The dialog layer of the building proxy (RFC 3261 §12): every call it routes, from the first provisional
 * response with a To tag to BYE. The transaction user feeds it the responses of the INVITEs it forwarded and
 * the final responses of in-dialog requests; it keeps one {@link Dialog} state machine per dialog and tells
 * a {@link Listener} about every state change (call records, "in call" status, metrics).
 *
 * <p>Dialogs that never end by signalling are expired by {@link #sweep}: an early dialog after
 * {@code maxEarly} (an INVITE unanswered for longer than Timer C's 3 minutes is dead), a confirmed one after
 * {@code maxConfirmed} (a lost BYE). Memory is one entry per live dialog.
 *
 * <p>Threading: the feeding methods and {@link #sweep} run on the SIP thread; {@link #active} and
 * {@link #find} may be called from any thread and read snapshots.
 */
public final class DialogTable {
    /** Told about each change of state, on the SIP thread. */
    @FunctionalInterface
    public interface Listener {
        void onChange(DialogInfo dialog, Dialog.State before);
    }

    private final Map<DialogId, Dialog> dialogs = new HashMap<>();
    private final Map<DialogId, DialogInfo> published = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration maxEarly;
    private final Duration maxConfirmed;
    private final Listener listener;

    /** How long dialogs may live without signalling that ends them. */
    public record Limits(Duration maxEarly, Duration maxConfirmed) {
        /** Early: Timer C (3 min, §16.6 step 11); confirmed: 2 hours — a door call lasts minutes. */
        public static final Limits DEFAULT = new Limits(Duration.ofMinutes(3), Duration.ofHours(2));
    }

    public DialogTable(Clock clock, Limits limits, Listener listener) {
        this.clock = clock;
        this.maxEarly = limits.maxEarly();
        this.maxConfirmed = limits.maxConfirmed();
        this.listener = listener;
    }

    /**
     * A response on a branch of an initial INVITE (no To tag in the request) the proxy forwarded:
     * 1xx with a To tag creates or keeps an early dialog, 2xx confirms, 3xx–6xx ends that branch's dialog.
     */
    public void onInviteResponse(SipRequest invite, SipResponse response) {
        String toTag = response.toTag();
        int status = response.statusCode();
        if (invite.toTag() != null
                || toTag == null
                || status == 100
                || invite.callId() == null
                || invite.fromTag() == null) {
            return; // re-INVITEs belong to a known dialog; 100 and tagless answers create none (§12.1)
        }
        DialogId id = new DialogId(invite.callId(), invite.fromTag(), toTag);
        Dialog dialog = dialogs.get(id);
        if (status >= 300) {
            if (dialog != null) {
                feed(dialog, new DialogEvent.Rejected(status));
            }
            return;
        }
        if (dialog == null) {
            dialog = new Dialog(id, uri(invite.from()), uri(invite.to()), invite.requestUri(), clock.instant());
            dialogs.put(id, dialog);
            listener.onChange(publish(dialog), null);
        }
        if (status < 200) {
            feed(dialog, new DialogEvent.Provisional(status));
        } else {
            List<NameAddr> contacts = response.contacts();
            String target = contacts.isEmpty() ? null : contacts.get(0).uri();
            feed(dialog, new DialogEvent.Answered(response.headers().getAllSplit("Record-Route"), target));
        }
    }

    /** The final response of an in-dialog request: BYE ends the dialog whatever the answer (481 too). */
    public void onInDialogResponse(SipRequest request, SipResponse response) {
        if (!SipMethod.BYE.equals(request.method()) || response.statusCode() < 200) {
            return;
        }
        Dialog dialog = lookup(request.callId(), request.fromTag(), request.toTag());
        if (dialog != null) {
            feed(dialog, new DialogEvent.Bye());
        }
    }

    /** Expires dialogs that outlived their limit; call periodically. */
    public void sweep() {
        Instant now = clock.instant();
        for (Dialog d : new ArrayList<>(dialogs.values())) {
            DialogInfo info = d.snapshot();
            if (d.state() == Dialog.State.EARLY
                    && info.createdAt().plus(maxEarly).isBefore(now)) {
                feed(d, new DialogEvent.Expired("expired unanswered after " + maxEarly.toSeconds() + " s"));
            } else if (d.state() == Dialog.State.CONFIRMED
                    && info.answeredAt().plus(maxConfirmed).isBefore(now)) {
                feed(d, new DialogEvent.Expired("expired without BYE after " + maxConfirmed.toSeconds() + " s"));
            }
        }
    }

    /** The live dialog a request belongs to, from either side. */
    public Optional<DialogInfo> find(String callId, String fromTag, String toTag) {
        if (callId == null || fromTag == null || toTag == null) {
            return Optional.empty();
        }
        DialogId id = new DialogId(callId, fromTag, toTag);
        DialogInfo info = published.get(id);
        return Optional.ofNullable(info != null ? info : published.get(id.reversed()));
    }

    /** Live dialogs (early and confirmed), oldest first. */
    public List<DialogInfo> active() {
        List<DialogInfo> out = new ArrayList<>(published.values());
        out.sort(java.util.Comparator.comparing(DialogInfo::createdAt));
        return out;
    }

    public int size() {
        return published.size();
    }

    private Dialog lookup(String callId, String fromTag, String toTag) {
        if (callId == null || fromTag == null || toTag == null) {
            return null;
        }
        DialogId id = new DialogId(callId, fromTag, toTag);
        Dialog d = dialogs.get(id);
        return d != null ? d : dialogs.get(id.reversed());
    }

    private void feed(Dialog dialog, DialogEvent event) {
        Dialog.State before = dialog.on(event, clock.instant());
        if (before == dialog.state()) {
            return;
        }
        DialogInfo info = publish(dialog);
        if (dialog.state() == Dialog.State.TERMINATED) {
            dialogs.remove(dialog.id());
            published.remove(dialog.id());
        }
        listener.onChange(info, before);
    }

    private DialogInfo publish(Dialog dialog) {
        DialogInfo info = dialog.snapshot();
        published.put(dialog.id(), info);
        return info;
    }

    private static String uri(NameAddr a) {
        return a == null ? null : a.uri();
    }
}
