package org.openvto.centre.syslog;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.openvto.centre.CentreDestination;
import org.openvto.centre.OutboxMessage;

/**
 * Delivers the centre's messages to a remote syslog collector as RFC 5424 messages ({@link Rfc5424Formatter};
 * docs/CENTRE.md), over
 *
 * <ul>
 *   <li><b>UDP</b> (RFC 5426): one message per datagram, at most {@link SyslogConfig#maxSize} bytes. Delivered means
 *       sent: UDP acknowledges nothing, so a collector that is down loses the message (the outbox cannot tell).
 *   <li><b>TCP</b> (RFC 6587 §3.4.1 octet counting): each message framed as {@code MSG-LEN SP SYSLOG-MSG} on one
 *       connection kept open between messages. Before a kept connection is used it is checked (a collector never
 *       sends, so a read that finds the end of the stream or a reset means it went away) and opened anew if it
 *       went; a failed write closes it, and the message is written once more on a fresh connection. Delivered means
 *       written to the connection: there is no syslog acknowledgement (that would be RELP), so a collector that
 *       dies after the check and before reading loses what was written; the idempotency key in the structured
 *       data lets a collector drop what it gets twice.
 * </ul>
 *
 * <p>Limits: over TCP {@link #deliver} returns within {@link SyslogConfig#timeout} — connecting and writing
 * (a collector that stops reading) are both bounded; a host name is resolved by the system resolver at each
 * attempt, outside that bound (configure an address to avoid it). A UDP send does not block.
 *
 * <p>Threading: {@link #deliver} and {@link #close} may be called from any thread; they are serialised (the outbox
 * calls {@code deliver} from one delivery thread, one message at a time). {@link #deliver} never throws: every
 * failure is a {@link Delivery.Failed} with the reason.
 */
public final class SyslogDestination implements CentreDestination, AutoCloseable {
    /** The outbox's destination id. */
    public static final String ID = "syslog";

    /** Alarms and the security log. */
    public static final List<String> DEFAULT_TOPICS = List.of("alarm/", "security/");

    private final SyslogConfig config;
    private final Rfc5424Formatter formatter;
    private final List<String> topics;
    private DatagramChannel udp;
    private SocketChannel tcp;
    private Selector selector;
    private boolean closed;

    /** {@code hostname} is the HOSTNAME field: this VTO's name or address; takes the {@link #DEFAULT_TOPICS}. */
    public SyslogDestination(SyslogConfig config, String hostname) {
        this(config, hostname, DEFAULT_TOPICS);
    }

    /** Takes the messages whose topic starts with one of {@code topicPrefixes}. */
    public SyslogDestination(SyslogConfig config, String hostname, List<String> topicPrefixes) {
        this.config = Objects.requireNonNull(config, "config");
        this.formatter = new Rfc5424Formatter(config.facility(), hostname, config.maxSize());
        this.topics = List.copyOf(topicPrefixes);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(String topic) {
        return topics.stream().anyMatch(topic::startsWith);
    }

    @Override
    public synchronized Delivery deliver(OutboxMessage message) {
        if (closed) {
            return new Delivery.Failed("the syslog destination is closed");
        }
        try {
            byte[] syslog = formatter.format(message);
            InetSocketAddress to = new InetSocketAddress(config.host(), config.port());
            if (to.isUnresolved()) {
                return new Delivery.Failed("cannot resolve " + config.host());
            }
            return config.transport() == SyslogConfig.Transport.UDP ? sendUdp(syslog, to) : sendTcp(syslog, to);
        } catch (RuntimeException e) { // never an exception, whatever went wrong
            closeTcp();
            return new Delivery.Failed("syslog to " + where() + " failed: " + e);
        }
    }

    private Delivery sendUdp(byte[] syslog, InetSocketAddress to) {
        try {
            if (udp == null) {
                udp = DatagramChannel.open(); // unconnected: an ICMP error cannot fail a later message
            }
            udp.send(ByteBuffer.wrap(syslog), to); // RFC 5426 §3.1: one message, one datagram
            return Delivery.DELIVERED;
        } catch (IOException e) {
            closeUdp();
            return new Delivery.Failed("cannot send to " + where() + ": " + reason(e));
        }
    }

    private Delivery sendTcp(byte[] syslog, InetSocketAddress to) {
        long deadline = System.nanoTime() + config.timeout().toNanos();
        byte[] frame = frame(syslog);
        boolean reused = tcp != null && alive();
        if (tcp != null && !reused) {
            closeTcp(); // the collector went away (restarted): a new connection below
        }
        try {
            if (tcp == null) {
                connect(to, deadline);
            }
            write(frame, deadline);
            return Delivery.DELIVERED;
        } catch (IOException first) {
            closeTcp();
            if (!reused || System.nanoTime() - deadline >= 0) {
                return new Delivery.Failed("cannot send to " + where() + ": " + reason(first));
            }
        }
        try { // the kept connection failed on write: once more on a fresh one, within the same deadline
            connect(to, deadline);
            write(frame, deadline);
            return Delivery.DELIVERED;
        } catch (IOException again) {
            closeTcp();
            return new Delivery.Failed("cannot send to " + where() + ": " + reason(again));
        }
    }

    /** RFC 6587 §3.4.1: {@code MSG-LEN SP SYSLOG-MSG}, the length in decimal octets. */
    static byte[] frame(byte[] syslog) {
        byte[] len = (syslog.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[len.length + syslog.length];
        System.arraycopy(len, 0, frame, 0, len.length);
        System.arraycopy(syslog, 0, frame, len.length, syslog.length);
        return frame;
    }

    /**
     * True when the kept connection still stands: a collector sends nothing, so a non-blocking read that finds the
     * end of the stream (it closed) or an error (it reset) means it is gone; data it did send is discarded.
     */
    private boolean alive() {
        try {
            ByteBuffer sink = ByteBuffer.allocate(512);
            int n;
            while ((n = tcp.read(sink)) > 0) {
                sink.clear();
            }
            return n == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private void connect(InetSocketAddress to, long deadline) throws IOException {
        SocketChannel ch = SocketChannel.open();
        try {
            ch.configureBlocking(false);
            Selector sel = Selector.open();
            tcp = ch;
            selector = sel;
            if (!ch.connect(to)) {
                SelectionKey key = ch.register(sel, SelectionKey.OP_CONNECT);
                while (!ch.finishConnect()) {
                    await(sel, deadline, "connecting");
                }
                key.interestOps(0);
            }
        } catch (IOException | RuntimeException e) {
            closeTcp();
            throw e;
        }
    }

    private void write(byte[] frame, long deadline) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(frame);
        SelectionKey key = null;
        while (buf.hasRemaining()) {
            if (tcp.write(buf) == 0) { // the collector does not read fast enough: wait for room, within the deadline
                if (key == null) {
                    key = tcp.keyFor(selector) != null
                            ? tcp.keyFor(selector).interestOps(SelectionKey.OP_WRITE)
                            : tcp.register(selector, SelectionKey.OP_WRITE);
                }
                await(selector, deadline, "writing"); // a frame half-written is closed with the connection
            }
        }
        if (key != null) {
            key.interestOps(0);
        }
    }

    private void await(Selector sel, long deadline, String what) throws IOException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0 || sel.select(left) == 0 && deadline - System.nanoTime() <= 0) {
            throw new SocketTimeoutException(
                    what + " took longer than " + config.timeout().toMillis() + " ms");
        }
        sel.selectedKeys().clear();
    }

    private String where() {
        return config.transport().name().toLowerCase(java.util.Locale.ROOT) + "://" + config.host() + ":"
                + config.port();
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void closeTcp() {
        closeQuietly(selector);
        closeQuietly(tcp);
        selector = null;
        tcp = null;
    }

    private void closeUdp() {
        closeQuietly(udp);
        udp = null;
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // nothing left to do with it
            }
        }
    }

    /** Closes the connection or socket; later deliveries fail. */
    @Override
    public synchronized void close() {
        closed = true;
        closeTcp();
        closeUdp();
    }

    @Override
    public String toString() {
        return "SyslogDestination[" + where() + "]";
    }
}
