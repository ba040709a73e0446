package org.openvto.media.sdp.internal;

import java.util.List;
import java.util.Optional;

/**
 * The format both sides use on one stream and the telephone-event formats that go with it (RFC 4733 §2.1: at the
 * codec's clock rate), ours and theirs.
 */
public record Choice(Format local, Format remote, Optional<Format> localEvent, Optional<Format> remoteEvent) {
    /**
     * The first common codec: in the remote's order when {@code remoteFirst} (reading an answer: its order is what the
     * answerer prefers, RFC 3264 §6.1), else in ours (answering: RFC 3264 §6.1 leaves the pick to the answerer).
     */
    public static Optional<Choice> choose(List<Format> local, List<Format> remote, boolean remoteFirst) {
        List<Format> outer = remoteFirst ? remote : local;
        List<Format> inner = remoteFirst ? local : remote;
        for (Format o : outer) {
            for (Format i : inner) {
                Format l = remoteFirst ? i : o;
                Format r = remoteFirst ? o : i;
                if (!l.isEvent() && !r.isEvent() && l.matches(r)) {
                    int rate = l.map().clockRate();
                    return Optional.of(new Choice(l, r, event(local, rate), event(remote, rate)))
                            .map(Choice::bothEventsOrNone);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Format> event(List<Format> formats, int rate) {
        return formats.stream()
                .filter(f -> f.isEvent() && f.map().clockRate() == rate)
                .findFirst();
    }

    private Choice bothEventsOrNone() {
        return localEvent.isPresent() && remoteEvent.isPresent()
                ? this
                : new Choice(local, remote, Optional.empty(), Optional.empty());
    }
}
