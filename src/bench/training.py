#!/usr/bin/env python3
"""The default training job, timed end to end on a running Digits server.

Starts a training run through the admin API (by default the default job: every algorithm, the small grid,
3-fold cross-validation on 5,000 images, each algorithm's own number of training images), polls its progress
until it ends, then prints the run's total time and, per model, the test accuracy, macro F1, training time of
the final fit, median prediction latency, file size and the chosen hyperparameters, as a Markdown table.

    DIGITS_ADMIN_PASSWORD=... python3 src/bench/training.py [--url http://localhost:8080] [--order '{"algorithms": ["svm"]}']
"""
import argparse
import base64
import json
import os
import sys
import time
import urllib.request


def call(url, password, method="GET", body=None):
    request = urllib.request.Request(url, method=method, data=None if body is None else body.encode(),
                                     headers={"Content-Type": "application/json",
                                              "Authorization": "Basic " + base64.b64encode(("admin:" + password).encode()).decode()})
    with urllib.request.urlopen(request) as response:
        text = response.read()
        return json.loads(text) if text else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--order", default="{}", help="the training order (JSON); {} is the default job")
    args = parser.parse_args()
    password = os.environ.get("DIGITS_ADMIN_PASSWORD")
    if not password:
        sys.exit("Set DIGITS_ADMIN_PASSWORD to the server's admin password")
    started = time.monotonic()
    run_id = call(args.url + "/api/admin/trainings", password, "POST", args.order)["runId"]
    last = None
    while True:
        current = call(args.url + "/api/admin/trainings/current", password)
        line = " | ".join(f"{m['algorithm'].lower()} {m['phase'].lower()}" for m in current["models"]
                          if m["phase"] not in ("WAITING", "DONE", "SKIPPED"))
        status = f"{current['percent']:3d} % after {current['elapsedSeconds']} s, ~{current['remainingSeconds']} s left: {line}"
        if status != last:
            print(status, file=sys.stderr, flush=True)
            last = status
        if not current["running"]:
            break
        time.sleep(5)
    wall = time.monotonic() - started
    run = call(args.url + "/api/admin/trainings/" + run_id, password)
    # The newest models first: the table comes a page at a time (200 at most), and this run's are the newest.
    models = {m["id"]: m for m in call(args.url + "/api/admin/models?sort=trained&dir=desc&size=200", password)}
    print(f"Run {run_id}: {run['status']} in {wall:.0f} s (server: {run['seconds']} s); promoted: {run.get('promotedModelId')}")
    for failure in run.get("failures", []):
        print("failed:", failure)
    print()
    print("| model | library | test accuracy | macro F1 | final fit | median latency | size | hyperparameters |")
    print("|---|---|---|---|---|---|---|---|")
    for model_id in run["modelIds"]:
        m = models[model_id]
        params = ", ".join(f"{k}={v}" for k, v in sorted(m["hyperparameters"].items()) if k != "peoplesDrawings")
        print(f"| {m['algorithm']} | {m['library']} | {100 * m['testAccuracy']:.2f} % | {m['macroF1']:.4f} | "
              f"{m['trainingSeconds']:.0f} s | {m['medianLatencyMicros']:.0f} µs | {m['fileBytes'] / 1048576:.1f} MiB | {params} |")


if __name__ == "__main__":
    main()
