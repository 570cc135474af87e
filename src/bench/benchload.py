"""What the load scripts share (Python 3 standard library only): PNG images written by hand, the server's
resident memory read from /proc, a guard that keeps the traffic on loopback, a one-request HTTP POST, and a
MongoDB count sent as one wire-protocol message (no driver needed)."""

import http.client
import ipaddress
import random
import socket
import struct
import threading
import time
import urllib.parse
import zlib


def png(width, height, pixel_rows):
    """An 8-bit RGBA PNG from an iterable of rows, each `width * 4` bytes."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + row for row in pixel_rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")


def digit_one(width, height, grain=0.0, seed=1):
    """A dark vertical stroke (a "1") on a white, opaque background; random grain (3 bits, barely visible) on
    the first `grain` fraction of the rows makes the file as large as wanted without changing what is drawn."""
    rng = random.Random(seed)
    left, right = width * 46 // 100, width * 54 // 100
    top, bottom = height // 5, height * 4 // 5
    mask = 7
    grain_rows = int(height * grain)
    rows = []
    for y in range(height):
        if y < grain_rows:
            grain = rng.randbytes(width)
            row = bytearray(b for g in grain for b in (255 - (g & mask), 255 - (g & mask), 255 - (g & mask), 255))
        else:
            row = bytearray(b"\xff" * (width * 4))
        if top <= y < bottom:
            row[left * 4:right * 4] = b"\x20\x20\x20\xff" * (right - left)
        rows.append(bytes(row))
    return png(width, height, rows)


def loopback_only(url):
    """Parses the URL and refuses any host that is not a loopback address: these scripts never leave the machine."""
    parsed = urllib.parse.urlsplit(url)
    address = socket.gethostbyname(parsed.hostname)
    if not ipaddress.ip_address(address).is_loopback:
        raise SystemExit(f"{url} is not on loopback; these scripts only load a local server")
    return parsed


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise SystemExit(f"no VmRSS for process {pid}")


class RssSampler(threading.Thread):
    """Samples the server's resident memory every `period` seconds and keeps the peak."""

    def __init__(self, pid, period=0.1):
        super().__init__(daemon=True)
        self.pid, self.period, self.peak, self.running = pid, period, rss_kib(pid), True

    def run(self):
        while self.running:
            self.peak = max(self.peak, rss_kib(self.pid))
            time.sleep(self.period)

    def stop(self):
        self.running = False
        self.join()
        return self.peak


def post(connection, path, content_type, body):
    """One POST on an open connection: (status, headers as a dict with lower-case names, body bytes)."""
    connection.request("POST", path, body=body, headers={"Content-Type": content_type})
    response = connection.getresponse()
    data = response.read()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, data


def connect(parsed, timeout):
    return http.client.HTTPConnection(parsed.hostname, parsed.port or 80, timeout=timeout)


def gib(kib):
    return f"{kib / 1024 / 1024:.2f} GiB"


class Budget:
    """A number of requests that client threads share, and a time limit: take() is True while both last."""

    def __init__(self, count, seconds):
        self.remaining, self.deadline, self.lock = count, time.monotonic() + seconds, threading.Lock()

    def take(self):
        with self.lock:
            if self.remaining == 0 or time.monotonic() >= self.deadline:
                return False
            self.remaining -= 1
            return True


def run_together(target, count):
    """Runs `target` on `count` threads started together and returns the seconds until the last one ended."""
    began = time.monotonic()
    threads = [threading.Thread(target=target) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - began


def bson(document):
    """A BSON document of string and 32-bit integer fields, enough for a command."""
    body = b""
    for key, value in document.items():
        name = key.encode() + b"\x00"
        if isinstance(value, str):
            data = value.encode() + b"\x00"
            body += b"\x02" + name + struct.pack("<i", len(data)) + data
        else:
            body += b"\x10" + name + struct.pack("<i", value)
    return struct.pack("<i", len(body) + 5) + body + b"\x00"


def number_field(document, wanted):
    """The numeric field `wanted` of a BSON reply (doubles, 32- and 64-bit integers; stops at other types)."""
    at = 4
    while document[at] != 0:
        kind = document[at]
        end = document.index(b"\x00", at + 1)
        name = document[at + 1:end].decode()
        at = end + 1
        sizes = {0x01: ("<d", 8), 0x10: ("<i", 4), 0x12: ("<q", 8)}
        if kind not in sizes:
            break
        fmt, size = sizes[kind]
        (value,) = struct.unpack_from(fmt, document, at)
        if name == wanted:
            return value
        at += size
    raise SystemExit(f"no {wanted} in MongoDB's reply")


def count_documents(mongo, database, collection):
    """Counts a collection with one OP_MSG `count` command sent to `mongo` ("host:port", loopback only)."""
    host, port = mongo.rsplit(":", 1)
    loopback_only(f"http://{host}:{port}/")
    section = b"\x00" + bson({"count": collection, "$db": database})
    message = struct.pack("<iiii", 16 + 4 + len(section), 1, 0, 2013) + struct.pack("<I", 0) + section
    with socket.create_connection((host, int(port)), timeout=30) as connection:
        connection.sendall(message)
        header = connection.recv(16, socket.MSG_WAITALL)
        (length,) = struct.unpack_from("<i", header)
        reply = connection.recv(length - 16, socket.MSG_WAITALL)
    return int(number_field(reply[5:], "n"))  # flags (4 bytes), section kind (1 byte), then the document
