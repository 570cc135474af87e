#!/usr/bin/env bash
# Throughput of POST /api/predictions on a running Digits server (issue #11), with two anchors measured in
# the same run: GET /api/predictions/{id} (one MongoDB read) and GET /health/live (no work). Each is a wrk run
# of DURATION seconds at CONNECTIONS connections; bodies are the first MNIST test images, as JSON pixels and
# as a 280x280 canvas-like PNG (raw image/png body), cycled. Prints one table row per run: requests per second,
# p50 and p99 latency, answers with a status of 400 or more, socket errors, requests. Loopback only; each run
# stops by itself. Installs Debian's wrk when it is missing. With --pid (the server's process id) it also
# prints the server's CPU time per request (user + system, from /proc), a figure that does not depend on how
# much of the machine other processes took during the run.
#
#   src/bench/throughput.sh [--url http://127.0.0.1:8080] [--duration 20] [--connections 16] [--threads 2]
#                           [--only json|png|anchors] [--mnist data/mnist] [--pid PID]
set -eu
url=http://127.0.0.1:8080 duration=20 connections=16 threads=2 only="" mnist=data/mnist pid=""
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --mnist) mnist=$2; shift 2 ;;
    --pid) pid=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
here=$(cd "$(dirname "$0")" && pwd)
host=$(python3 -c "import sys, urllib.parse; print(urllib.parse.urlsplit(sys.argv[1]).hostname)" "$url")
python3 -c "import ipaddress, socket, sys; sys.exit(0 if ipaddress.ip_address(socket.gethostbyname(sys.argv[1])).is_loopback else 1)" "$host" \
  || { echo "$url is not on loopback; this script only loads a local server" >&2; exit 2; }
if ! command -v wrk >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
bodies=$(mktemp -d /tmp/digits-throughput.XXXXXX)
trap 'rm -rf "$bodies"' EXIT
(cd "$here" && python3 throughput_bodies.py --out "$bodies" --count 500 --mnist "$(cd "$OLDPWD" && cd "$mnist" && pwd)")
export DIGITS_WRK_REPORT="$here/wrk/report.lua"

cpu_ticks() { # the server's user + system time in clock ticks, or 0 without --pid
  if [ -n "$pid" ]; then awk '{print $14 + $15}' "/proc/$pid/stat"; else echo 0; fi
}

run() { # name, then wrk's arguments after the options
  local name=$1; shift
  local line before cpu
  before=$(cpu_ticks)
  line=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s "$@" | grep '^RESULT' || true)
  if [ -z "$line" ]; then echo "| $name | wrk printed no result |"; return; fi
  IFS=$'\t' read -r _ rps p50 p99 bad sockets total <<<"$line"
  cpu=$(awk -v ticks=$(($(cpu_ticks) - before)) -v hz="$(getconf CLK_TCK)" -v n="$total" \
    'BEGIN { if (ticks > 0 && n > 0) printf "%.2f", 1000 * ticks / hz / n; else printf "-" }')
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "$bad" "$sockets" "$total" "$cpu"
}

echo "$(date -u +%FT%TZ) $url, $connections connections, $threads wrk threads, ${duration} s each, $(nproc) cores"
echo "| what | req/s | p50 ms | p99 ms | status >= 400 | socket errors | requests | server CPU ms per request |"
echo "|---|---|---|---|---|---|---|---|"
if [ -z "$only" ] || [ "$only" = json ]; then
  run "POST /api/predictions, JSON pixels" -s "$here/wrk/post.lua" "$url/api/predictions" -- "$bodies/json" application/json
fi
if [ -z "$only" ] || [ "$only" = png ]; then
  run "POST /api/predictions, 280x280 PNG" -s "$here/wrk/post.lua" "$url/api/predictions" -- "$bodies/png" image/png
fi
if [ -z "$only" ] || [ "$only" = anchors ]; then
  id=$(curl -sf -H 'Content-Type: application/json' --data-binary @"$bodies/json/0" "$url/api/predictions" \
    | python3 -c "import json, sys; print(json.load(sys.stdin)['id'])")
  run "anchor: GET /api/predictions/{id}" -s "$DIGITS_WRK_REPORT" "$url/api/predictions/$id"
  run "anchor: GET /health/live" -s "$DIGITS_WRK_REPORT" "$url/health/live"
fi
