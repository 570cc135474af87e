#!/usr/bin/env python3
"""The robustness table of every registered model, measured by a running Digits server.

Asks the server to measure every registered model on the robustness sets (POST /api/admin/robustness: sets
generated from the MNIST test images with a seed, each sample sent through the server's own decoding,
normalization and segmentation), waits for the measurement to end, then prints one row per set and one column
per model as a Markdown table: accuracy in percent (the exact number for number sets), with the count of
samples the server found blank. The first row is each model's accuracy on the whole MNIST test set; "mnist"
is the same sampled test digits given as raw pixels, the reference for the other rows.

    DIGITS_ADMIN_PASSWORD=... python3 src/bench/robustness.py [--url http://localhost:8080] [--digits 500] [--numbers 200] [--seed 1] [--read-only]

Loopback only: the script refuses any other host.
"""
import argparse
import base64
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


def call(url, password, method="GET", body=None):
    request = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json",
                                              "Authorization": "Basic " + base64.b64encode(("admin:" + password).encode()).decode()})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            text = response.read()
            return json.loads(text) if text else None
    except urllib.error.HTTPError as e:
        sys.exit(f"{method} {url}: {e.code} {e.read().decode(errors='replace')}")


def table(tables):
    names = [f"{t['algorithm']} `{t['modelId']}`" for t in tables]
    lines = ["| set | " + " | ".join(names) + " |", "|---|" + "---|" * len(tables)]
    lines.append("| MNIST test (10,000) | " + " | ".join(f"{100 * t['mnistTestAccuracy']:.2f} %" for t in tables) + " |")
    for i, first in enumerate(tables[0]["sets"]):
        cells = []
        for t in tables:
            score = t["sets"][i]
            accuracy = 100 * score["correct"] / score["count"] if score["count"] else 0
            cells.append(f"{accuracy:.1f} %" + (f" ({score['blank']} blank)" if score["blank"] else ""))
        lines.append(f"| {first['set']} (n={first['count']}) | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--digits", type=int, default=500, help="samples per digit set")
    parser.add_argument("--numbers", type=int, default=200, help="numbers per number set")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--read-only", action="store_true", help="print the stored tables without measuring")
    args = parser.parse_args()
    if urllib.parse.urlparse(args.url).hostname not in ("localhost", "127.0.0.1", "::1"):
        sys.exit("This benchmark talks to a server on this machine only (localhost)")
    password = os.environ.get("DIGITS_ADMIN_PASSWORD")
    if not password:
        sys.exit("Set DIGITS_ADMIN_PASSWORD to the server's admin password")
    endpoint = args.url + "/api/admin/robustness"
    started = time.monotonic()
    if not args.read_only:
        call(endpoint, password, "POST", {"digits": args.digits, "numbers": args.numbers, "seed": args.seed})
        last = None
        while True:
            status = call(endpoint, password)["status"]
            if status["step"] != last:
                print(f"{time.monotonic() - started:5.0f} s  {status['step']}", file=sys.stderr, flush=True)
                last = status["step"]
            if not status["running"]:
                break
            time.sleep(3)
        if status["error"]:
            sys.exit(status["error"])
    result = call(endpoint, password)
    tables = [t for t in result["tables"]
              if args.read_only or (t["digitsPerSet"], t["numbersPerSet"], t["seed"]) == (args.digits, args.numbers, args.seed)]
    if not tables:
        sys.exit("No robustness table stored for this benchmark version yet")
    print(f"Robustness benchmark v{result['benchmarkVersion']}, seed {tables[0]['seed']}, {tables[0]['digitsPerSet']} digits "
          f"and {tables[0]['numbersPerSet']} numbers per set, measured {tables[0]['measuredAt']}"
          + ("" if args.read_only else f" in {time.monotonic() - started:.0f} s"))
    print()
    print(table(tables))


if __name__ == "__main__":
    main()
