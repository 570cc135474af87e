#!/usr/bin/env python3
"""Upload storm: N clients (200 by default) each send one ~2 MB, 4-megapixel PNG to POST /api/predictions
at the same moment, on loopback. Reports the status counts and the server's resident memory (VmRSS of its
process, sampled every 100 ms) before, at the peak and after. Fails (exit 1) on any answer other than 201 or
the bulkhead's 503/429 problem+json with Retry-After.

    python3 src/bench/upload_storm.py --url http://127.0.0.1:8080 --pid $(pgrep -f payara-micro.jar | head -1)

Bounded: one request per client, each with a timeout (120 s by default).
"""

import argparse
import collections
import json
import sys
import threading
import time

import benchload

parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument("--url", default="http://127.0.0.1:8080")
parser.add_argument("--pid", type=int, required=True, help="the server's process id (for VmRSS)")
parser.add_argument("--clients", type=int, default=200)
parser.add_argument("--side", type=int, default=2000, help="image side in pixels (2000 = 4 megapixels)")
parser.add_argument("--grain", type=float, default=0.88, help="share of rows with grain: sets the file size")
parser.add_argument("--timeout", type=float, default=120)
parser.add_argument("--settle", type=float, default=10, help="seconds to wait before the 'after' reading")
args = parser.parse_args()

target = benchload.loopback_only(args.url)
image = benchload.digit_one(args.side, args.side, args.grain)
print(f"image: {args.side}x{args.side} RGBA PNG, {len(image):,} bytes; {args.clients} clients")

before = benchload.rss_kib(args.pid)
sampler = benchload.RssSampler(args.pid)
sampler.start()
start = threading.Barrier(args.clients)
results = collections.Counter()
bad = []
lock = threading.Lock()


def client():
    connection = benchload.connect(target, args.timeout)
    try:
        start.wait()
        status, headers, body = benchload.post(connection, "/api/predictions", "image/png", image)
        outcome = str(status)
        if status in (429, 503):
            problem = headers.get("content-type", "").startswith("application/problem+json")
            if not problem or "retry-after" not in headers:
                outcome = f"{status} without problem+json and Retry-After"
            else:
                json.loads(body)
        elif status != 201:
            outcome = f"{status}"
            with lock:
                bad.append(body[:200])
    except Exception as error:  # a refused or reset connection is a failure too
        outcome = type(error).__name__
    finally:
        connection.close()
    with lock:
        results[outcome] += 1


elapsed = benchload.run_together(client, args.clients)
time.sleep(args.settle)
peak = sampler.stop()
after = benchload.rss_kib(args.pid)

print(f"answers in {elapsed:.1f} s: " + ", ".join(f"{k}: {v}" for k, v in sorted(results.items())))
print(f"server RSS: before {benchload.gib(before)}, peak {benchload.gib(peak)}, after {benchload.gib(after)} "
      f"(+{benchload.gib(peak - before)} at the peak)")
for body in bad[:3]:
    print("unexpected answer:", body)
allowed = {"201", "503", "429"}
sys.exit(0 if set(results) <= allowed else 1)
