#!/usr/bin/env bash
# Restarts the server N times (20 by default) on the same data and checks that every start reaches
# /health/ready UP; a start that exits or is not UP within the time limit counts as a failure, and the
# script exits 1 if any start failed. Loopback only; it runs outside CI (about 40 s per start here).
#
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 mvn -B package -DskipTests
#   src/bench/restarts.sh --starts 20 --port 8185 --data /tmp/digits-restarts
#
# Options: --starts N, --port P, --data DIR (database, MNIST copy pointer and models live under it; the first
# start imports MNIST and trains a small model), --mnist DIR (default data/mnist), --limit SECONDS to reach UP
# (300), --lock FILE (hold this flock(1) lock during each start, e.g. /tmp/digits-it.lock on a shared machine).
# JAVA_OPTS adds JVM options to every start (e.g. JAVA_OPTS=-Dorg.glassfish.startupThreadPolicy=FULLY_THREADED
# to start Payara's kernel services on several threads, as it did before the README's command chose one).
# Each server's log is kept as DIR/start-<i>.log.
set -u
starts=20 port=8185 data=/tmp/digits-restarts mnist=data/mnist limit=300 lock=""
while [ $# -gt 0 ]; do
  case "$1" in
    --starts) starts=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --mnist) mnist=$2; shift 2 ;;
    --limit) limit=$2; shift 2 ;;
    --lock) lock=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$data"
mnist=$(cd "$mnist" && pwd)

# One start: launches the server, waits for UP, stops it with SIGTERM (SIGKILL after 60 s). Prints
# "UP <seconds>" or "FAILED <reason>".
one_start() {
  local i=$1 log="$data/start-$1.log" began pid status
  began=$(date +%s)
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  "$java" ${JAVA_OPTS:-} -Ddigits.data.dir="$data" -Ddigits.mnist.dir="$mnist" -Ddigits.models.dir="$data/models" \
    -Ddigits.djl.dir="$root/data/djl" -Ddigits.analysis.dir="$data/analysis" \
    -Ddigits.default-model.training-images=12000 -Ddigits.default-model.algorithm=mlp -Ddigits.default-model.settings=epochs=2 -Ddigits.default-model.follow-up=none \
    -jar "$root/target/payara-micro.jar" --nocluster --port "$port" --contextroot / --addlibs "$root/target/digits-valve.jar" \
    --prebootcommandfile "$root/payara-config/pre-boot-commands.asadmin" \
    --postbootcommandfile "$root/payara-config/post-boot-commands.asadmin" --deploy "$root/target/digits.war" \
    >"$log" 2>&1 &
  pid=$!
  status="FAILED no UP within ${limit} s"
  while [ $(( $(date +%s) - began )) -lt "$limit" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      wait "$pid"; status="FAILED the server exited with status $?"; pid=""; break
    fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/health/ready")" = 200 ]; then
      status="UP $(( $(date +%s) - began ))"; break
    fi
    sleep 1
  done
  if [ -n "$pid" ]; then
    kill -TERM "$pid"
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    wait "$pid" 2>/dev/null
  fi
  echo "$status"
}

up=0
for i in $(seq "$starts"); do
  if [ -n "$lock" ]; then
    result=$(flock "$lock" bash -c "$(declare -f one_start); java='$java' root='$root' data='$data' mnist='$mnist' port='$port' limit='$limit' one_start $i")
  else
    result=$(one_start "$i")
  fi
  echo "start $i: $result"
  case "$result" in UP*) up=$((up + 1)) ;; esac
done
echo "$up of $starts starts reached UP"
[ "$up" -eq "$starts" ]
