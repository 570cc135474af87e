"""Checks a local cluster (payara-config/cluster.sh) through its nginx, loopback only:

1. round robin: /health/ready answers 200 from at least two instances (nginx names the instance that
   answered in X-Digits-Upstream);
2. a drawing posted through one instance is read back through another;
2b. one training run in the whole cluster: while a run goes on, a second start is refused with 409 by every
   instance (asked through nginx until both upstreams answered), and a stop asked through nginx ends it;
2c. a hot swap on one instance is served by all: a second model is trained, served through nginx (the admin's
   form, answered by one instance), and /health/ready is read through nginx until every upstream names it;
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
import base64
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
parser.add_argument("--password-file", help="the admin password (default: <dir>/admin-password)")
args = parser.parse_args()

target = benchload.loopback_only(args.url)
image = benchload.digit_one(280, 280)
failures = []


with open(args.password_file or os.path.join(args.dir, "admin-password")) as file:
    admin = {"Authorization": "Basic " + base64.b64encode(b"admin:" + file.read().strip().encode()).decode()}


def fetch(path, method="GET", body=None, headers=None):
    """One request through nginx: the response (status and headers) and its body."""
    connection = benchload.connect(target, 30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response, response.read()
    finally:
        connection.close()


def get(path, method="GET", body=None, headers=None):
    """(status, instance that answered, parsed JSON body or None) of one request through nginx."""
    response, body = fetch(path, method, body, headers)
    kind = response.getheader("Content-Type") or ""
    return response.status, response.getheader("X-Digits-Upstream"), json.loads(body) if "json" in kind else None


def as_admin(path, document=None):
    """(status, upstream, JSON) of an admin API call through nginx: a POST of the document, or a GET."""
    if document is None:
        return get(path, headers=admin)
    return get(path, "POST", json.dumps(document), {**admin, "Content-Type": "application/json"})


def until(what, answer, seconds=120):
    """Polls answer() every 0.2 s until it is not None; None after the time (the check then fails)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = answer()
        if value is not None:
            return value
        time.sleep(0.2)
    print(f"        gave up waiting for {what} after {seconds} s")
    return None


def served_model(health):
    """The id of the model a /health/ready answer names (None without one)."""
    return next((c["data"]["id"] for c in (health or {}).get("checks", []) if "id" in c.get("data", {})), None)


def run_ended(run_id):
    status, _, current = as_admin("/api/admin/trainings/current")
    return current if status == 200 and current.get("runId") == run_id and current.get("running") is False else None


def answered(path, status, kind, from_app=False):
    """Whether nginx answered the status with a body of the given type (from_app: an instance's answer, not
    nginx's own), and what it answered."""
    response, body = fetch(path)
    content_type = response.getheader("Content-Type") or ""
    upstream = response.getheader("X-Digits-Upstream") or ""
    return response.status == status and content_type.startswith(kind) and len(body) > 0 and (upstream or not from_app), \
        f"{response.status} {content_type} {len(body)} bytes from {upstream or 'nginx'}"


def check(condition, message):
    print(("ok      " if condition else "FAILED  ") + message)
    if not condition:
        failures.append(message)


# 1. Round robin over ready instances.
answers = [get("/health/ready") for _ in range(6)]
instances = {upstream for status, upstream, _ in answers if status == 200}
check(all(status == 200 for status, _, _ in answers) and len(instances) >= 2,
      f"/health/ready through nginx: statuses {[a[0] for a in answers]}, from {sorted(instances)}")

# 1b. Paths nginx refuses itself (an encoded null): its copy of the app's 400 page. Paths Payara's connector
# cannot read that nginx sends on (an encoded backslash, an escape that is not UTF-8) reach the app through the
# Grizzly filter of its valve jar, and paths with a ':' through its host valve: the app's own answers, page or
# problem+json, from an instance (named in X-Digits-Upstream).
ok, seen = answered("/%00", 400, "text/html")
check(ok, f"GET /%00 through nginx: 400 text/html with a body, got {seen}")
for path, status, kind in (("/x%5Cy", 400, "text/html"), ("/api/predictions/a%5Cb", 400, "application/problem+json"),
                           ("/x%C3%28", 400, "text/html"), ("/a:b", 404, "text/html"),
                           ("/api/predictions/a%3Ab", 404, "application/problem+json")):
    ok, seen = answered(path, status, kind, from_app=True)
    check(ok, f"GET {path} through nginx: the app's {status} {kind}, got {seen}")

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

# 2b. One training run in the cluster: refused by every instance while it runs, stopped through any.
upstreams = instances
status, _, started = as_admin("/api/admin/trainings", {
    "algorithms": ["mlp"], "gridSize": "none", "grids": {"mlp": "hiddenUnits=4096;epochs=100"},
    "folds": 2, "cvImages": 500, "trainingImages": 3000})
run_id = started and started.get("runId")
check(status == 202 and run_id, f"a long training run started through nginx: {status} {started}")
refusals = {}
for _ in range(12):
    status, upstream, body = as_admin("/api/admin/trainings", {"algorithms": ["decision-tree"], "gridSize": "none"})
    refusals[upstream] = (status, body and run_id in str(body.get("detail")))
    if set(refusals) >= upstreams:
        break
check(set(refusals) >= upstreams and all(r == (409, True) for r in refusals.values()),
      f"a second run refused with 409 naming run {run_id} by every instance: {refusals}")
stop_status = as_admin("/api/admin/trainings/current/stop", {})[0]
stopped = until(f"run {run_id} to stop", lambda: run_ended(run_id))
check(stop_status == 202 and stopped and stopped.get("outcome") == "stopped",
      f"the run stopped through nginx ({stop_status}): {stopped and stopped.get('outcome')}")

# 2c. A hot swap through one instance, served by every instance.
served_id = served_model(get("/health/ready")[2])
status, _, started = as_admin("/api/admin/trainings", {"algorithms": ["decision-tree"], "gridSize": "none",
                                                       "folds": 2, "cvImages": 500, "trainingImages": 3000})
trained = until("the second model's run to end", lambda: run_ended(started["runId"])) if status == 202 else None
models = [m["id"] for m in as_admin("/api/admin/models")[2] or []]
other = next((m for m in models if m != served_id), None)
check(trained and other, f"a second model trained through nginx ({status}): models {models}")
swap, _, _ = get("/admin/serve", "POST", f"id={other}",
                 {**admin, "Content-Type": "application/x-www-form-urlencoded"})
swapped_at = time.monotonic()
serving = {}


def all_serve_it():
    status, upstream, body = get("/health/ready")
    if status == 200:
        serving[upstream] = served_model(body) == other
    return True if set(serving) >= upstreams and all(serving.values()) else None


check(swap == 303 and until(f"every instance to serve {other}", all_serve_it, 60),
      f"model {other} served through nginx ({swap}) is served by every instance after"
      f" {time.monotonic() - swapped_at:.1f} s: {serving}")

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
