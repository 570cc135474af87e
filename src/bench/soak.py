#!/usr/bin/env python3
"""Soak test: 10,000 predictions (by default) over 32 persistent connections to POST /api/predictions on
loopback, each a 280x280 canvas-like PNG. Asserts no errors (every answer 201) and that the drawings stored
in MongoDB grew by exactly the number of successful answers; reports throughput and the server's resident
memory (VmRSS) before and after.

    python3 src/bench/soak.py --url http://127.0.0.1:8080 --pid <server pid> --mongo 127.0.0.1:<mongo port>

--mongo is the MongoDB the server uses (the embedded one's port is fixed with -Ddigits.mongodb.embedded-port);
drawings are counted there with a `count` command on the `drawings` collection, so nothing else should post
drawings during the run. Bounded: stops at --max-seconds (600) even if requests remain, and fails then.
"""

import argparse
import collections
import socket
import struct
import sys
import threading
import time

import benchload

parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument("--url", default="http://127.0.0.1:8080")
parser.add_argument("--pid", type=int, required=True, help="the server's process id (for VmRSS)")
parser.add_argument("--mongo", required=True, help="host:port of the server's MongoDB (loopback)")
parser.add_argument("--database", default="digits")
parser.add_argument("--count", type=int, default=10_000)
parser.add_argument("--connections", type=int, default=32)
parser.add_argument("--max-seconds", type=float, default=600)
args = parser.parse_args()


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


def stored_drawings():
    """Counts the drawings collection with one OP_MSG `count` command."""
    host, port = args.mongo.rsplit(":", 1)
    benchload.loopback_only(f"http://{host}:{port}/")
    section = b"\x00" + bson({"count": "drawings", "$db": args.database})
    message = struct.pack("<iiii", 16 + 4 + len(section), 1, 0, 2013) + struct.pack("<I", 0) + section
    with socket.create_connection((host, int(port)), timeout=30) as connection:
        connection.sendall(message)
        header = connection.recv(16, socket.MSG_WAITALL)
        (length,) = struct.unpack_from("<i", header)
        reply = connection.recv(length - 16, socket.MSG_WAITALL)
    return int(number_field(reply[5:], "n"))  # flags (4 bytes), section kind (1 byte), then the document


target = benchload.loopback_only(args.url)
image = benchload.digit_one(280, 280)
deadline = time.monotonic() + args.max_seconds
remaining = [args.count]
statuses = collections.Counter()
lock = threading.Lock()


def worker():
    connection = benchload.connect(target, 60)
    try:
        while time.monotonic() < deadline:
            with lock:
                if remaining[0] == 0:
                    return
                remaining[0] -= 1
            try:
                status, _, _ = benchload.post(connection, "/api/predictions", "image/png", image)
            except (OSError, ConnectionError) as error:
                status = type(error).__name__
                connection.close()
                connection = benchload.connect(target, 60)
            with lock:
                statuses[status] += 1
    finally:
        connection.close()


before_rss = benchload.rss_kib(args.pid)
before_drawings = stored_drawings()
elapsed = benchload.run_together(worker, args.connections)
after_rss = benchload.rss_kib(args.pid)
stored = stored_drawings() - before_drawings

answered = sum(statuses.values())
created = statuses.get(201, 0)
print(f"{answered} predictions at {args.connections} connections in {elapsed:.1f} s ({answered / elapsed:.0f}/s): "
      + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items(), key=str)))
print(f"drawings stored during the run: {stored} (successful answers: {created})")
print(f"server RSS: before {benchload.gib(before_rss)}, after {benchload.gib(after_rss)}")
failures = []
if answered != args.count:
    failures.append(f"only {answered} of {args.count} requests were sent before the time limit")
if created != answered:
    failures.append(f"{answered - created} errors")
if stored != created:
    failures.append(f"{stored} drawings stored for {created} successful answers")
for failure in failures:
    print("FAILED:", failure)
sys.exit(1 if failures else 0)
