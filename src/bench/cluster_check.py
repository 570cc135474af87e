"""Checks a local cluster (payara-config/cluster.sh) through its nginx, loopback only:

1. round robin: /health/ready answers 200 from at least two instances (nginx names the instance that
   answered in X-Digits-Upstream);
2. a drawing posted through one instance is read back through another;
3. under a bounded load (--count predictions at --connections, through nginx; a 503 is retried after its
   Retry-After, up to five times, as a client should), one instance is killed with
   SIGKILL once a quarter of them are acknowledged: every acknowledged drawing is then read back, the
   drawings counted in MongoDB are the acknowledged ones plus at most the requests that failed (cut by the
   kill, stored or not), and nginx keeps answering, also 20 predictions in a row after the load. A request
   fails only if it reached the dying instance: in flight at the kill, or sent to it before nginx saw it fail
   (the kernel still accepts connections while a killed JVM's memory is torn down, and nginx never sends a POST
   twice), so at most two per connection.

    payara-config/cluster.sh start
    python3 src/bench/cluster_check.py --url http://127.0.0.1:8090 --dir target/cluster --mongo 127.0.0.1:27990

Exits 0 when every check passes, 1 otherwise; the instance killed stays down (`cluster.sh stop` ends the rest).
"""

import argparse
import collections
import json
import os
import signal
import sys
import threading
import time

import benchload

parser = argparse.ArgumentParser()
parser.add_argument("--url", default="http://127.0.0.1:8090", help="the cluster's nginx")
parser.add_argument("--dir", default="target/cluster", help="the cluster's directory (instance pid files)")
parser.add_argument("--mongo", default="127.0.0.1:27990", help="host:port of the cluster's MongoDB")
parser.add_argument("--database", default="digits")
parser.add_argument("--count", type=int, default=200)
parser.add_argument("--connections", type=int, default=8)
parser.add_argument("--kill", type=int, default=2, help="the instance to kill (not 1: it holds the database)")
parser.add_argument("--max-seconds", type=float, default=300)
args = parser.parse_args()

target = benchload.loopback_only(args.url)
image = benchload.digit_one(280, 280)
failures = []


def fetch(path):
    """One GET through nginx: the response (status and headers) and its body."""
    connection = benchload.connect(target, 30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response, response.read()
    finally:
        connection.close()


def get(path):
    """(status, instance that answered, parsed JSON body or None) of one GET through nginx."""
    response, body = fetch(path)
    kind = response.getheader("Content-Type") or ""
    return response.status, response.getheader("X-Digits-Upstream"), json.loads(body) if "json" in kind else None


def refused(path, kind):
    """Whether nginx answered 400 with a body of the given type, and what it answered."""
    response, body = fetch(path)
    content_type = response.getheader("Content-Type") or ""
    return response.status == 400 and content_type.startswith(kind) and len(body) > 0, \
        f"{response.status} {content_type} {len(body)} bytes"


def check(condition, message):
    print(("ok      " if condition else "FAILED  ") + message)
    if not condition:
        failures.append(message)


# 1. Round robin over ready instances.
answers = [get("/health/ready") for _ in range(6)]
instances = {upstream for status, upstream, _ in answers if status == 200}
check(all(status == 200 for status, _, _ in answers) and len(instances) >= 2,
      f"/health/ready through nginx: statuses {[a[0] for a in answers]}, from {sorted(instances)}")

# 1b. Paths Payara answers with an empty body (an encoded null; a ':' fails its authorization check): the app's
# page, or problem+json under /api, written by nginx.
for path, kind in (("/a:b", "text/html"), ("/api/predictions/a%3Ab", "application/problem+json"),
                   ("/%00", "text/html")):
    ok, seen = refused(path, kind)
    check(ok, f"GET {path} through nginx: 400 {kind} with a body, got {seen}")

# 2. Posted through one instance, read through another.
connection = benchload.connect(target, 60)
connection.request("POST", "/api/predictions", body=image, headers={"Content-Type": "image/png"})
response = connection.getresponse()
posted = json.loads(response.read())
writer = response.getheader("X-Digits-Upstream")
connection.close()
readers = {}
for _ in range(6):
    status, upstream, body = get(f"/api/predictions/{posted['id']}")
    readers[upstream] = (status, body and body.get("digit"))
others = {u: r for u, r in readers.items() if u != writer}
check(response.status == 201 and others and all(r == (200, posted["digit"]) for r in others.values()),
      f"drawing {posted.get('id')} posted through {writer} (digit {posted.get('digit')}), read through {others}")

# 3. Killing an instance under load.
pid_file = os.path.join(args.dir, f"instance-{args.kill}", "pid")
with open(pid_file) as file:
    victim = int(file.read().strip())
before = benchload.count_documents(args.mongo, args.database, "drawings")
budget = benchload.Budget(args.count, args.max_seconds)
statuses = collections.Counter()
acknowledged = []
after_kill = collections.Counter()
killed = threading.Event()
lock = threading.Lock()


def predict(connection):
    """(status or error name, body, connection to use next) of one prediction; a 503 (every recognition slot
    taken, on a loaded machine) is sent again after its Retry-After, up to five times, as a client would."""
    for _ in range(5):
        try:
            status, headers, body = benchload.post(connection, "/api/predictions", "image/png", image)
        except (OSError, ConnectionError) as error:
            status, headers, body = type(error).__name__, {}, b""
            connection.close()
            connection = benchload.connect(target, 60)
        if status != 503:
            break
        time.sleep(min(float(headers.get("retry-after", "1")), 5))
    return status, body, connection


def worker():
    connection = benchload.connect(target, 60)
    try:
        while budget.take():
            sent_after_kill = killed.is_set()
            status, body, connection = predict(connection)
            with lock:
                statuses[status] += 1
                if sent_after_kill:
                    after_kill[status] += 1
                if status == 201:
                    acknowledged.append(json.loads(body)["id"])
                if len(acknowledged) >= args.count // 4 and not killed.is_set():
                    os.kill(victim, signal.SIGKILL)
                    killed.set()
    finally:
        connection.close()


elapsed = benchload.run_together(worker, args.connections)
stored = benchload.count_documents(args.mongo, args.database, "drawings") - before
failed = sum(statuses.values()) - statuses.get(201, 0)
print(f"{sum(statuses.values())} predictions at {args.connections} connections in {elapsed:.1f} s: "
      + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items(), key=str))
      + f"; sent after the kill: {dict(after_kill)}")
check(killed.is_set(), f"instance {args.kill} (pid {victim}) killed with SIGKILL under load")
check(sum(statuses.values()) == args.count, f"all {args.count} requests answered within {args.max_seconds:.0f} s")
check(failed <= 2 * args.connections, f"{failed} failed requests, at most two per connection ({2 * args.connections})")
check(after_kill.get(201, 0) > 0, f"{after_kill.get(201, 0)} of {sum(after_kill.values())} requests sent after the"
      " kill acknowledged")
check(acknowledged and stored >= len(acknowledged) and stored - len(acknowledged) <= failed,
      f"drawings stored in MongoDB during the load: {stored}, acknowledged: {len(acknowledged)}"
      f" (at most {failed} more allowed: requests cut by the kill)")
unread = [drawing for drawing in acknowledged if get(f"/api/predictions/{drawing}")[0] != 200]
check(not unread, f"every acknowledged drawing read back through nginx ({len(acknowledged) - len(unread)}"
      f" of {len(acknowledged)})")
connection = benchload.connect(target, 60)
in_a_row = []
for _ in range(20):
    status, _, connection = predict(connection)
    in_a_row.append(status)
connection.close()
check(in_a_row == [201] * 20, f"20 predictions in a row after the load: {collections.Counter(in_a_row)}")
after = [get("/health/ready") for _ in range(4)]
check(all(status == 200 for status, _, _ in after),
      f"nginx still answers /health/ready: {[a[0] for a in after]} from {sorted({a[1] for a in after})}")

print("cluster check " + ("FAILED" if failures else "passed"))
sys.exit(1 if failures else 0)
