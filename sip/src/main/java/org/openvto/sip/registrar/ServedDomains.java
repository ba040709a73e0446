package org.openvto.sip.registrar;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openvto.sip.codec.SipUri;

/**
 * The hosts a REGISTER may name for this registrar (RFC 3261 §10.3 step 1): its SIP domain ({@code VDP}) and
 * its own listening addresses, so that devices configured with the server's IP ({@code sip:192.168.1.108:5060})
 * register as well as those configured with the domain. The port is not compared: the request reached this
 * server, so only the host says whose bindings it asks for. Everything else is a domain this server does not
 * serve, and must not get bindings here (a REGISTER for {@code sip:other.example} would otherwise create them).
 *
 * <p>Immutable and thread-safe; {@link #serves} is a few string comparisons and allocates nothing for the
 * domain or an IPv4 address. When bound to a wildcard address (0.0.0.0, ::) the addresses of every local
 * interface count, read once at construction.
 */
public final class ServedDomains {
    private final String domain;
    private final List<String> addresses;

    private ServedDomains(String domain, List<String> addresses) {
        this.domain = domain;
        this.addresses = List.copyOf(addresses);
    }

    /**
     * @param domain      the SIP domain (the configured realm, e.g. {@code VDP}); compared case-insensitively
     * @param bindAddress the IP literal the transports listen on; a wildcard means every local address
     * @throws IllegalArgumentException when {@code bindAddress} is not an IP literal
     */
    public static ServedDomains of(String domain, String bindAddress) {
        InetAddress bind = literal(bindAddress);
        if (bind == null) {
            throw new IllegalArgumentException("bind address must be an IP literal (was \"" + bindAddress + "\")");
        }
        List<String> addresses = new ArrayList<>();
        addresses.add(bind.getHostAddress());
        if (bind.isAnyLocalAddress()) {
            addresses.addAll(localAddresses());
        }
        return new ServedDomains(domain, addresses);
    }

    /** True when {@code uri}'s host is the domain or one of this server's addresses. */
    public boolean serves(SipUri uri) {
        if (uri == null) {
            return false;
        }
        String host = uri.host();
        if (host.equalsIgnoreCase(domain)) {
            return true;
        }
        if (uri.isIpv6Reference()) {
            // IPv6 has several spellings of one address: compare the canonical form
            InetAddress a = literal(host.substring(1, host.length() - 1));
            host = a == null ? host : a.getHostAddress();
        }
        for (String own : addresses) {
            if (own.equalsIgnoreCase(host)) {
                return true;
            }
        }
        return false;
    }

    /** The parsed address when {@code text} is an IP literal; never a DNS query. */
    private static InetAddress literal(String text) {
        boolean ipv4 = text.matches("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
        if (!ipv4 && text.indexOf(':') < 0) {
            return null; // a host name: InetAddress would resolve it (an invalid IPv6 literal just fails)
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static List<String> localAddresses() {
        List<String> out = new ArrayList<>();
        try {
            NetworkInterface.networkInterfaces()
                    .forEach(nif -> nif.inetAddresses().forEach(a -> {
                        String s = a.getHostAddress();
                        int scope = s.indexOf('%'); // IPv6 zone ids never appear in a SIP URI
                        out.add((scope < 0 ? s : s.substring(0, scope)).toLowerCase(Locale.ROOT));
                    }));
        } catch (SocketException e) {
            // no interface list: only the domain and the wildcard literal itself are recognised
        }
        return out;
    }
}
