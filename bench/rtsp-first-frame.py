#!/usr/bin/python3
"""Time from sending PLAY to the first complete IDR picture (decodable without anything before it) at an RTSP
client over interleaved TCP, with Digest (MD5, with or without qop) when challenged. Each run is a new connection.
Usage: rtsp-first-frame.py rtsp://user:pass@host:port/path RUNS"""
import hashlib, re, socket, statistics, sys, time
from urllib.parse import urlsplit, unquote

def md5(s): return hashlib.md5(s.encode()).hexdigest()

class Client:
    def __init__(self, url):
        u = urlsplit(url)
        self.user, self.password = unquote(u.username or ""), unquote(u.password or "")
        self.url = url.replace(u.netloc, u.hostname + ":" + str(u.port or 554))
        self.sock = socket.create_connection((u.hostname, u.port or 554), timeout=10)
        self.buf, self.cseq, self.auth, self.session = b"", 0, None, None

    def read(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(65536)
            if not chunk: raise EOFError("connection closed")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def response(self):
        while True:
            if self.buf[:1] == b"$" or (not self.buf and self.peek() == b"$"):
                self.frame(); continue
            while b"\r\n\r\n" not in self.buf: self.buf += self.sock.recv(65536)
            head, self.buf = self.buf.split(b"\r\n\r\n", 1)
            head = head.decode("latin-1")
            m = re.search(r"(?im)^content-length:\s*(\d+)", head)
            body = self.read(int(m.group(1))).decode() if m else ""
            return head, body

    def peek(self):
        self.buf += self.sock.recv(65536); return self.buf[:1]

    def frame(self):
        h = self.read(4)
        return h[1], self.read(int.from_bytes(h[2:4], "big"))

    def authorization(self, method, uri):
        if not self.auth: return ""
        a = self.auth
        ha1, ha2 = md5(f"{self.user}:{a['realm']}:{self.password}"), md5(f"{method}:{uri}")
        if "qop" in a:
            r = md5(f"{ha1}:{a['nonce']}:00000001:0a4f113b:auth:{ha2}")
            extra = ', qop=auth, nc=00000001, cnonce="0a4f113b"'
        else:
            r, extra = md5(f"{ha1}:{a['nonce']}:{ha2}"), ""
        return (f'Authorization: Digest username="{self.user}", realm="{a["realm"]}", nonce="{a["nonce"]}", '
                f'uri="{uri}", response="{r}"{extra}\r\n')

    def request(self, method, uri, extra=""):
        for _ in range(2):
            self.cseq += 1
            msg = f"{method} {uri} RTSP/1.0\r\nCSeq: {self.cseq}\r\n{extra}{self.authorization(method, uri)}"
            if self.session: msg += f"Session: {self.session}\r\n"
            self.sock.sendall((msg + "\r\n").encode())
            if method == "PLAY": return None
            head, body = self.response()
            if " 401 " in head.split("\r\n")[0]:
                ch = re.search(r"(?im)^www-authenticate:\s*digest (.*)$", head).group(1)
                self.auth = dict(re.findall(r'(\w+)="?([^",]*)"?', ch)); continue
            m = re.search(r"(?im)^session:\s*([^;\r\n]+)", head)
            if m: self.session = m.group(1).strip()
            return head, body
        raise RuntimeError(f"{method} refused: {head.splitlines()[0]}")

def first_idr_ms(url):
    c = Client(url)
    c.request("DESCRIBE", c.url, "Accept: application/sdp\r\n")
    c.request("SETUP", c.url + "/trackID=0", "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n")
    t0 = time.perf_counter()
    c.request("PLAY", c.url)
    c.response()
    in_idr = False
    while True:
        channel, pkt = c.frame()
        if channel != 0 or len(pkt) < 13: continue
        payload, marker = pkt[12 + 4 * (pkt[0] & 0x0F):], pkt[1] & 0x80
        nal = payload[0] & 0x1F
        if nal == 5 or (nal == 28 and payload[1] & 0x1F == 5): in_idr = True
        if in_idr and marker:
            ms = (time.perf_counter() - t0) * 1000
            c.sock.close(); return ms

runs = [first_idr_ms(sys.argv[1]) for _ in range(int(sys.argv[2]))]
runs.sort()
print(f"runs {len(runs)}  median {statistics.median(runs):.1f} ms  p95 {runs[int(0.95 * (len(runs) - 1))]:.1f} ms  "
      f"max {runs[-1]:.1f} ms")
