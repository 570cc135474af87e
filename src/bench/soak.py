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
import sys
import threading

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


def stored_drawings():
    return benchload.count_documents(args.mongo, args.database, "drawings")


target = benchload.loopback_only(args.url)
image = benchload.digit_one(280, 280)
budget = benchload.Budget(args.count, args.max_seconds)
statuses = collections.Counter()
lock = threading.Lock()


def worker():
    connection = benchload.connect(target, 60)
    try:
        while budget.take():
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
