#!/usr/bin/env python3
"""How long the admin pages and the API take with many stored drawings, measured from outside.

Load a running server's database first with the seeder (it writes straight into MongoDB, as anonymous
posts would; the embedded MongoDB's port is in the server log line "embedded MongoDB on 127.0.0.1:PORT"):

    mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
    java -cp target/test-classes:target/classes:$(cat target/cp.txt) app.digits.bench.DrawingSeeds mongodb://127.0.0.1:PORT 100000
    DIGITS_ADMIN_PASSWORD=... python3 src/bench/volumes.py [--url http://localhost:8080] [--repeat 5]

Prints, per page, the first (cold) time and the median of the repeats, for the page alone and for the page
with every figure it shows (`<img src="/admin/figures/...">`, fetched one after another as a cold cache would). `DrawingSeeds ... remove` takes the
seeded drawings out again.
"""
import argparse
import base64
import json
import os
import re
import statistics
import time
import urllib.request

PAGES = [
    "/admin",
    "/admin/labels?review=pending&page=1",
    "/admin/labels?review=pending&page=400",
    "/admin/exploration",
    "/admin/errors",
    "/admin/slides",
    "/admin/slides?all=1",
    "/api/datasets",
    "/api/admin/models",
]


FIGURE = re.compile(r'src="(/admin/figures/[^"]+)"')


def fetch(url, headers):
    request = urllib.request.Request(url, headers=headers)
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=120) as response:
        body = response.read()
        status = response.status
    return status, (time.perf_counter() - start) * 1000, body


def timed(url, headers):
    """The page's status, its time, and its time with all its figures (milliseconds)."""
    status, page, body = fetch(url, headers)
    figures = FIGURE.findall(body.decode("utf-8", "replace"))
    total = page + sum(fetch(url.split("/admin")[0] + figure.replace("&amp;", "&"), headers)[1] for figure in figures)
    return status, page, total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    password = os.environ["DIGITS_ADMIN_PASSWORD"]
    headers = {"Authorization": "Basic " + base64.b64encode(f"admin:{password}".encode()).decode()}
    datasets = json.load(urllib.request.urlopen(args.url + "/api/datasets"))
    print(f"server {args.url}; datasets {json.dumps(datasets)[:120]}")
    print(f"{'page':45} {'status':>6} {'first ms':>9} {'median ms':>10} {'+figures first':>15} {'+figures median':>16}")
    for page in PAGES:
        # The labels' review as the dashboard's HTMX swap asks for it (opened directly, it is the whole dashboard).
        asked = {**headers, "HX-Request": "true"} if page.startswith("/admin/labels") else headers
        status, first, first_total = timed(args.url + page, asked)
        repeats = [timed(args.url + page, asked) for _ in range(args.repeat)]
        print(f"{page:45} {status:>6} {first:9.0f} {statistics.median(r[1] for r in repeats):10.0f} "
              f"{first_total:15.0f} {statistics.median(r[2] for r in repeats):16.0f}")


if __name__ == "__main__":
    main()
