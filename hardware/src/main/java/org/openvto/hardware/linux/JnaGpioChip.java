package org.openvto.hardware.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;

/**
 * A GPIO character device through the kernel's v2 uAPI ({@code include/uapi/linux/gpio.h}): {@code open},
 * {@code GPIO_V2_GET_LINE_IOCTL}, {@code poll}/{@code read} of {@code struct gpio_v2_line_event} and
 * {@code GPIO_V2_LINE_GET/SET_VALUES_IOCTL}, called through JNA. Input requests ask for
 * {@code GPIO_V2_LINE_FLAG_EVENT_CLOCK_REALTIME}, so edge timestamps are wall-clock nanoseconds (Linux ≥ 5.11).
 * Every failure is an {@link IOException} whose message is the path and the system's error text; nothing else is
 * thrown for a device problem. Threading as in {@link GpioChip}. Not run against a real chip in this project's CI
 * (it has no GPIO hardware and no gpio-sim); see docs/HARDWARE.md.
 */
public final class JnaGpioChip implements GpioChip {
    private static final String CONSUMER = "openvto";
    private static final int EVENTS_PER_READ = 16;

    private final String path;
    private final int fd;
    private boolean closed;

    private JnaGpioChip(String path, int fd) {
        this.path = path;
        this.fd = fd;
    }

    /** Opens {@code path} (e.g. {@code /dev/gpiochip0}) read-write. */
    public static GpioChip open(String path) throws IOException {
        try {
            return new JnaGpioChip(path, libc().open(path, LibC.O_RDWR | LibC.O_CLOEXEC));
        } catch (LastErrorException | LinkageError e) {
            throw failure(path, "open", e);
        }
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public InputLines requestInput(int[] offsets, LineSettings settings) throws IOException {
        int lineFd = request(offsets, GpioV2Abi.inputFlags(settings), settings.debounceMicros(), false, false);
        return new JnaInputLines(path, lineFd, offsets.clone());
    }

    @Override
    public OutputLine requestOutput(int offset, LineSettings settings, boolean initial) throws IOException {
        int lineFd = request(new int[] {offset}, GpioV2Abi.outputFlags(settings), 0, true, initial);
        return new JnaOutputLine(path, lineFd);
    }

    private synchronized int request(int[] offsets, long flags, int debounceMicros, boolean output, boolean initial)
            throws IOException {
        ensureOpen(closed, path);
        ByteBuffer req = GpioV2Abi.lineRequest(offsets, flags, debounceMicros, output, initial, CONSUMER);
        byte[] bytes = req.array();
        try {
            libc().ioctl(fd, new NativeLong(GpioV2Abi.GET_LINE_IOCTL), bytes);
        } catch (LastErrorException e) {
            throw failure(path, "request lines " + java.util.Arrays.toString(offsets), e);
        }
        return GpioV2Abi.requestFd(ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()));
    }

    /**
     * Closes once. Every use of a descriptor holds the object's lock and checks {@code closed} first, and close
     * takes the same lock: a descriptor number the kernel has handed out again must never be polled or read.
     */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeQuietly(fd);
        }
    }

    private static void ensureOpen(boolean closed, String path) throws IOException {
        if (closed) {
            throw new IOException(path + ": closed");
        }
    }

    static LibC libc() {
        return LibC.Holder.INSTANCE;
    }

    static IOException failure(String path, String what, Throwable e) {
        return new IOException(path + ": " + what + ": " + errorText(e), e);
    }

    /** JNA's message is "[errno] text"; the operator wants the text. */
    private static String errorText(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf("] ");
        return message.startsWith("[") && end > 0 ? message.substring(end + 2) : message;
    }

    static void closeQuietly(int fd) {
        try {
            libc().close(fd);
        } catch (LastErrorException ignored) {
            // closing is best effort: the fd is gone either way
        }
    }

    private static final class JnaInputLines implements InputLines {
        private final String path;
        private final int fd;
        private final int[] offsets;
        private final byte[] pollFd = new byte[8];
        private final byte[] buffer = new byte[GpioV2Abi.EVENT_SIZE * EVENTS_PER_READ];
        private boolean closed;
        private long lastSeqno = -1;
        private long lost;

        JnaInputLines(String path, int fd, int[] offsets) {
            this.path = path;
            this.fd = fd;
            this.offsets = offsets;
        }

        @Override
        public synchronized List<Edge> awaitEdges(Duration timeout) throws IOException {
            ensureOpen(closed, path);
            if (!readable(timeout)) {
                return List.of();
            }
            try {
                int n = libc().read(fd, buffer, new NativeLong(buffer.length)).intValue();
                if (n <= 0) {
                    throw new IOException(path + ": line request closed");
                }
                for (int i = 0; i < n / GpioV2Abi.EVENT_SIZE; i++) {
                    long seqno = GpioV2Abi.seqno(buffer, i);
                    lost += GpioV2Abi.seqnoGap(lastSeqno, seqno);
                    lastSeqno = seqno;
                }
                return GpioV2Abi.events(buffer, n);
            } catch (LastErrorException e) {
                throw failure(path, "read events", e);
            }
        }

        private boolean readable(Duration timeout) throws IOException {
            ByteBuffer p = ByteBuffer.wrap(pollFd).order(ByteOrder.nativeOrder());
            p.putInt(0, fd).putShort(4, LibC.POLLIN).putShort(6, (short) 0);
            try {
                int ready =
                        libc().poll(pollFd, new NativeLong(1), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
                short revents = p.getShort(6);
                if ((revents & (LibC.POLLERR | LibC.POLLHUP | LibC.POLLNVAL)) != 0) {
                    throw new IOException(path + ": device gone (poll revents 0x" + Integer.toHexString(revents) + ")");
                }
                return ready > 0 && (revents & LibC.POLLIN) != 0;
            } catch (LastErrorException e) {
                if (e.getErrorCode() == LibC.EINTR) {
                    return false;
                }
                throw failure(path, "poll", e);
            }
        }

        @Override
        public synchronized long lostEvents() {
            return lost;
        }

        @Override
        public synchronized boolean level(int offset) throws IOException {
            ensureOpen(closed, path);
            int index = indexOf(offset);
            byte[] values = GpioV2Abi.lineValues(0, 1L << index).array();
            try {
                libc().ioctl(fd, new NativeLong(GpioV2Abi.LINE_GET_VALUES_IOCTL), values);
            } catch (LastErrorException e) {
                throw failure(path, "get line " + offset, e);
            }
            long bits = GpioV2Abi.valueBits(ByteBuffer.wrap(values).order(ByteOrder.nativeOrder()));
            return (bits & (1L << index)) != 0;
        }

        private int indexOf(int offset) {
            for (int i = 0; i < offsets.length; i++) {
                if (offsets[i] == offset) {
                    return i;
                }
            }
            throw new IllegalArgumentException("line " + offset + " is not in this request");
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                closeQuietly(fd);
            }
        }
    }

    private static final class JnaOutputLine implements OutputLine {
        private final String path;
        private final int fd;
        private boolean closed;

        JnaOutputLine(String path, int fd) {
            this.path = path;
            this.fd = fd;
        }

        @Override
        public synchronized void set(boolean active) throws IOException {
            ensureOpen(closed, path);
            byte[] values = GpioV2Abi.lineValues(active ? 1 : 0, 1).array();
            try {
                libc().ioctl(fd, new NativeLong(GpioV2Abi.LINE_SET_VALUES_IOCTL), values);
            } catch (LastErrorException e) {
                throw failure(path, "set line", e);
            }
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                closeQuietly(fd);
            }
        }
    }
}
