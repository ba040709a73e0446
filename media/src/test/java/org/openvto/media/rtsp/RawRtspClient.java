package org.openvto.media.rtsp;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A minimal RTSP client over one TCP connection for tests: sends requests, reads responses and interleaved frames. */
final class RawRtspClient implements AutoCloseable {
    final Socket socket;
    private final DataInputStream in;
    private int cseq;
    String session;

    RawRtspClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
    }

    /** Sends a request and returns the response head and body (skipping interleaved frames before it). */
    String request(String method, String url, String... headers) throws IOException {
        StringBuilder r = new StringBuilder(method + " " + url + " RTSP/1.0\r\nCSeq: " + ++cseq + "\r\n");
        if (session != null) {
            r.append("Session: ").append(session).append("\r\n");
        }
        for (String h : headers) {
            r.append(h).append("\r\n");
        }
        socket.getOutputStream().write(r.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        String response = readResponse();
        var m = java.util.regex.Pattern.compile("(?m)^Session: ([^;\r\n]+)").matcher(response);
        if (m.find()) {
            session = m.group(1).strip();
        }
        return response;
    }

    /** SETUP interleaved and PLAY; returns the PLAY response. */
    String play(String url) throws IOException {
        request("SETUP", url + "/trackID=0", "Transport: RTP/AVP/TCP;unicast;interleaved=0-1");
        return request("PLAY", url);
    }

    private String readResponse() throws IOException {
        while (true) {
            int first = in.read();
            if (first < 0) {
                throw new IOException("connection closed");
            }
            if (first == '$') {
                skipFrame();
                continue;
            }
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.write(first);
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed in a response");
                }
                head.write(b);
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            var len = java.util.regex.Pattern.compile("(?mi)^Content-Length: (\\d+)")
                    .matcher(text);
            if (len.find()) {
                byte[] body = in.readNBytes(Integer.parseInt(len.group(1)));
                text += new String(body, StandardCharsets.UTF_8);
            }
            return text;
        }
    }

    private int skipFrame() throws IOException {
        in.readUnsignedByte();
        int length = in.readUnsignedShort();
        in.skipNBytes(length);
        return length;
    }

    /** Reads interleaved frames for {@code millis} and counts RTP packets with the marker bit (one per picture). */
    int countPictures(long millis) throws IOException {
        long end = System.nanoTime() + millis * 1_000_000;
        int pictures = 0;
        InputStream raw = in;
        while (System.nanoTime() < end) {
            if (raw.read() != '$') {
                throw new IOException("expected an interleaved frame");
            }
            int channel = in.readUnsignedByte();
            int length = in.readUnsignedShort();
            byte[] data = in.readNBytes(length);
            if (channel == 0 && length > 1 && (data[1] & 0x80) != 0) {
                pictures++;
            }
        }
        return pictures;
    }

    /** Reads interleaved frames for {@code millis}: the RTP packets per channel, as {@code channel -> [count, PT]}. */
    java.util.Map<Integer, int[]> countPackets(long millis) throws IOException {
        long end = System.nanoTime() + millis * 1_000_000;
        java.util.Map<Integer, int[]> packets = new java.util.TreeMap<>();
        while (System.nanoTime() < end) {
            if (in.read() != '$') {
                throw new IOException("expected an interleaved frame");
            }
            int channel = in.readUnsignedByte();
            byte[] data = in.readNBytes(in.readUnsignedShort());
            int[] c = packets.computeIfAbsent(channel, k -> new int[2]);
            c[0]++;
            c[1] = data.length > 1 ? data[1] & 0x7F : -1;
        }
        return packets;
    }

    /** Closes with a TCP reset, as a killed client's kernel would not (it sends FIN) but a crashed network does. */
    void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
