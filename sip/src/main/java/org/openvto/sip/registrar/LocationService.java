package org.openvto.sip.registrar;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registrar's location service: user → live bindings. Reads are safe from any thread (the console
 * asks for status); writes come from the SIP thread and are written through to the {@link BindingStore}.
 */
public final class LocationService {
    private final Map<String, List<Binding>> bindings = new ConcurrentHashMap<>();
    /** Where a device registered over TCP/TLS ({@code ip:port} of its connection) → its account: live flows. */
    private final Map<String, String> flows = new ConcurrentHashMap<>();
    /**
     * A contact's {@code host:port} → its account: in-dialog requests are addressed to a device's Contact, whose user
     * part is often not the account ({@code sip:8002-0x55d1@127.0.0.1:5070}), and must reach it over its flow.
     */
    private final Map<String, String> contacts = new ConcurrentHashMap<>();

    private final BindingStore store;
    private final Clock clock;

    public LocationService(BindingStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        Instant now = clock.instant();
        for (Binding b : store.loadAll()) {
            if (b.expiresAt().isAfter(now)) {
                bindings.computeIfAbsent(b.user(), k -> new ArrayList<>()).add(b);
                indexAddresses(b, true);
            }
        }
    }

    /** Live bindings of {@code user}; expired ones are not returned. */
    public List<Binding> lookup(String user) {
        Instant now = clock.instant();
        List<Binding> list = bindings.get(user);
        return list == null
                ? List.of()
                : List.copyOf(
                        list.stream().filter(b -> b.expiresAt().isAfter(now)).toList());
    }

    /** Replaces the bindings of {@code user}; returns the live ones kept (expired ones are dropped). */
    List<Binding> replace(String user, List<Binding> list) {
        Instant now = clock.instant();
        List<Binding> live =
                list.stream().filter(b -> b.expiresAt().isAfter(now)).toList();
        store.replace(user, live);
        List<Binding> before = bindings.getOrDefault(user, List.of());
        // only what changed: a refresh from the same device (the REGISTER hot path) re-indexes nothing
        before.stream().filter(b -> !sameAddresses(b, live)).forEach(b -> indexAddresses(b, false));
        live.stream().filter(b -> !sameAddresses(b, before)).forEach(b -> indexAddresses(b, true));
        if (live.isEmpty()) {
            bindings.remove(user);
        } else {
            bindings.put(user, new ArrayList<>(live));
        }
        return live;
    }

    /** True if {@code others} has a binding with {@code b}'s contact and source: its index entries stay valid. */
    private static boolean sameAddresses(Binding b, List<Binding> others) {
        for (Binding o : others) {
            if (o.contact().equals(b.contact()) && java.util.Objects.equals(o.source(), b.source())) {
                return true;
            }
        }
        return false;
    }

    /** Indexes (or un-indexes) {@code b}'s contact address and, for TCP/TLS, its flow. */
    private void indexAddresses(Binding b, boolean live) {
        String address = contactAddress(b.contact());
        if (address != null) {
            if (live) {
                contacts.put(address, b.user());
            } else {
                contacts.remove(address, b.user());
            }
        }
        if (b.transport() == null || "UDP".equalsIgnoreCase(b.transport()) || b.source() == null) {
            return;
        }
        if (live) {
            flows.put(b.source(), b.user());
        } else {
            flows.remove(b.source(), b.user());
        }
    }

    /**
     * True while a live binding was registered over the stream connection from {@code source} ({@code ip:port}):
     * the device is reached through it, so it must stay open (RFC 5626 §5.3 flows).
     */
    public boolean hasFlow(String source) {
        String user = flows.get(source);
        return user != null && lookup(user).stream().anyMatch(b -> source.equals(b.source()));
    }

    /**
     * The live binding a remote target belongs to: the one whose Contact is {@code target}, else one whose Contact
     * has the same host and port (other user part or parameters); {@code null} if none.
     */
    public Binding findByContact(org.openvto.sip.codec.SipUri target) {
        String address = contactAddress(target);
        String user = address == null ? null : contacts.get(address);
        if (user == null) {
            return null;
        }
        Binding sameAddress = null;
        for (Binding b : lookup(user)) {
            if (b.contact().equals(target.toString())) {
                return b;
            }
            if (sameAddress == null && address.equals(contactAddress(b.contact()))) {
                sameAddress = b;
            }
        }
        return sameAddress;
    }

    private static String contactAddress(String contact) {
        return contactAddress(org.openvto.sip.codec.SipUri.parse(contact));
    }

    private static String contactAddress(org.openvto.sip.codec.SipUri uri) {
        return uri == null || uri.host() == null
                ? null
                : uri.host().toLowerCase(java.util.Locale.ROOT) + ":" + uri.port();
    }

    public int size() {
        return bindings.values().stream().mapToInt(List::size).sum();
    }
}
