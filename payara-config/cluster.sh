#!/usr/bin/env bash
# A local cluster on loopback, from the deployable artifact (target/digits.jar, built by `mvn package`):
# instance 1 starts the embedded MongoDB on a fixed port, the other instances join it with MONGODB_URI, and
# nginx (Debian's package, run with its own prefix) balances them round robin.
#
#   payara-config/cluster.sh start [--instances 2] [--port 8090] [--mongo-port 27990] [--dir target/cluster]
#                                  [--mnist data/mnist] [--models models] [--limit 600 (seconds to be ready)]
#   payara-config/cluster.sh stop  [--dir target/cluster]
#
# The balancer answers on http://127.0.0.1:<port>/, instance i on <port>+i, MongoDB on <mongo-port>; the
# instances share everything through MongoDB, sessions included, and run with --nocluster (no Hazelcast); each
# instance keeps its data, models (a copy of --models' model files, if any: otherwise it trains its first
# model at start), log and pid under <dir>/instance-<i>.
# The admin password is DIGITS_ADMIN_PASSWORD, or one generated into <dir>/admin-password, the same for all.
# JAVA_OPTS adds JVM options to every instance. `start` returns once every instance is ready
# (/health/ready UP) and nginx answers; it stops what it started if a step fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
command=${1:-}
[ $# -gt 0 ] && shift
instances=2 port=8090 mongo_port=27990 dir="$root/target/cluster" mnist="$root/data/mnist" models="$root/models" limit=600
while [ $# -gt 0 ]; do
  case "$1" in
    --instances) instances=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --mongo-port) mongo_port=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --mnist) mnist=$2; shift 2 ;;
    --models) models=$2; shift 2 ;;
    --limit) limit=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
# Absolute paths: each instance runs in its own directory.
mkdir -p "$dir" && dir=$(cd "$dir" && pwd)
[ -d "$mnist" ] && mnist=$(cd "$mnist" && pwd)
[ -d "$models" ] && models=$(cd "$models" && pwd)
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
nginx=$(command -v nginx || echo /usr/sbin/nginx)
jar="$root/target/digits.jar"

# Stops the process of a pid file (SIGTERM, SIGKILL after 60 s) and removes the file.
stop_pid_file() {
  local file=$1 pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  rm -f "$file"
}

stop_all() {
  if [ -f "$dir/nginx/nginx.pid" ]; then
    "$nginx" -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -s quit 2>/dev/null || true
    for _ in $(seq 20); do [ -f "$dir/nginx/nginx.pid" ] || break; sleep 0.5; done
    stop_pid_file "$dir/nginx/nginx.pid"
  fi
  # Instance 1 last: the others use its MongoDB.
  for pid_file in $(ls -r "$dir"/instance-*/pid 2>/dev/null); do
    stop_pid_file "$pid_file"
  done
}

# Waits until the instance answers /health/ready with 200; fails if its process ends or time runs out.
wait_ready() {
  local i=$1 instance_port=$2 began=$SECONDS
  while [ $((SECONDS - began)) -lt "$limit" ]; do
    if ! kill -0 "$(cat "$dir/instance-$i/pid")" 2>/dev/null; then
      echo "instance $i exited; the end of its log:" >&2
      tail -20 "$dir/instance-$i/server.log" >&2
      return 1
    fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$instance_port/health/ready")" = 200 ]; then
      echo "instance $i ready on 127.0.0.1:$instance_port after $((SECONDS - began)) s"
      return 0
    fi
    sleep 1
  done
  echo "instance $i not ready within $limit s (log: $dir/instance-$i/server.log)" >&2
  return 1
}

# Starts instance i in the background; MONGODB_URI for every instance but the first.
start_instance() {
  local i=$1 home="$dir/instance-$1"
  mkdir -p "$home/data" "$home/models"
  if [ -z "$(ls -A "$home/models")" ] && compgen -G "$models/*.model" >/dev/null; then
    cp "$models"/*.model "$models"/*.json "$home/models/"
    if [ -f "$models/active-model.txt" ]; then cp "$models/active-model.txt" "$home/models/"; fi
  fi
  local -a mongo=("-Ddigits.mongodb.embedded-port=$mongo_port")
  local uri=""
  if [ "$i" -gt 1 ]; then
    mongo=()
    uri="mongodb://127.0.0.1:$mongo_port/"
  fi
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  (cd "$home" && exec env ${uri:+MONGODB_URI=$uri} DIGITS_ADMIN_PASSWORD="$password" \
    DIGITS_PUBLIC_BASE_URL="http://127.0.0.1:$port" \
    "$java" --enable-native-access=ALL-UNNAMED -Dorg.glassfish.startupThreadPolicy=USE_NO_THREADS ${JAVA_OPTS:-} "${mongo[@]}" -Ddigits.data.dir="$home/data" -Ddigits.models.dir="$home/models" \
    -Ddigits.mnist.dir="$mnist" -Ddigits.djl.dir="$root/data/djl" -Ddigits.analysis.dir="$home/analysis" \
    -jar "$jar" --port $((port + i)) --nocluster >"$home/server.log" 2>&1) &
  echo $! >"$home/pid"
}

start_nginx() {
  local conf="$dir/nginx" servers=""
  mkdir -p "$conf/tmp"
  chmod 1777 "$conf/tmp"
  for i in $(seq "$instances"); do
    servers+="        server 127.0.0.1:$((port + i)) max_fails=2 fail_timeout=10s;"$'\n'
  done
  awk -v servers="$servers" -v dir="$conf" -v cfg="$root/payara-config/nginx" -v port="$port" '
    /@SERVERS@/ { printf "%s", servers; next }
    { gsub(/@DIR@/, dir); gsub(/@CONF@/, cfg); gsub(/@PORT@/, port); print }' \
    "$root/payara-config/nginx/cluster.conf" >"$conf/nginx.conf"
  "$nginx" -p "$conf" -c "$conf/nginx.conf" -t -q
  "$nginx" -p "$conf" -c "$conf/nginx.conf"
  echo "nginx balancing ${instances} instances on http://127.0.0.1:$port/"
}

case "$command" in
  start)
    [ -f "$jar" ] || { echo "$jar is missing: run mvn -B package -DskipTests first" >&2; exit 1; }
    [ -x "$nginx" ] || { echo "nginx is missing (apt-get install nginx)" >&2; exit 1; }
    if [ -f "$dir/instance-1/pid" ] && kill -0 "$(cat "$dir/instance-1/pid")" 2>/dev/null; then
      echo "a cluster already runs from $dir: stop it first" >&2; exit 1
    fi
    if [ -n "${DIGITS_ADMIN_PASSWORD:-}" ]; then
      password=$DIGITS_ADMIN_PASSWORD
    else
      [ -f "$dir/admin-password" ] || (umask 077 && head -c 18 /dev/urandom | base64 | tr '+/' '-_' >"$dir/admin-password")
      password=$(cat "$dir/admin-password")
    fi
    trap 'echo "start failed: stopping what started" >&2; stop_all' ERR
    began=$SECONDS
    start_instance 1
    wait_ready 1 $((port + 1))
    # The others join once the first is ready: MNIST is imported and the database answers.
    for i in $(seq 2 "$instances"); do start_instance "$i"; done
    for i in $(seq 2 "$instances"); do wait_ready "$i" $((port + i)); done
    start_nginx
    trap - ERR
    echo "cluster ready in $((SECONDS - began)) s; stop it with: $0 stop${dir:+ --dir $dir}"
    ;;
  stop)
    stop_all
    echo "cluster in $dir stopped"
    ;;
  *)
    sed -n '2,15p' "$0" >&2
    exit 2
    ;;
esac
