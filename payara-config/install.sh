#!/usr/bin/env bash
# Installs and starts Digits on this machine as a deployment would (run as root, after `mvn package`):
#   /opt/digits/digits.jar             the deployable artifact (target/digits.jar)
#   /etc/digits/digits.env             settings and secrets (from digits.env.example; admin password generated)
#   /etc/digits/tls/digits.{crt,key}   a self-signed certificate for localhost, unless one is there already
#   /etc/digits/nginx/                 the nginx site's includes and error pages (payara-config/nginx)
#   /etc/nginx/sites-enabled/digits.conf   the site: HTTP -> HTTPS, TLS, the instance on loopback
#   /var/lib/digits/                   the service's working directory (data, models), user `digits`
#   /etc/systemd/system/digits.service the unit; started with systemctl when systemd runs, otherwise under
#                                      payara-config/supervise.sh (same ExecStart, restarted on failure)
# Installs Debian's nginx when it is missing. Waits until https://localhost/health/ready answers UP.
#
#   sudo payara-config/install.sh [--http-port 80] [--https-port 443] [--app-port 8080] [--limit 600]
#                                 [--mnist data/mnist] [--models models] [--setting KEY=value ...]
#   sudo payara-config/install.sh --remove      stops the service and nginx's site, removes what it installed
#                                               (keeps /var/lib/digits and /etc/digits: data and secrets)
#
# --prefix DIR installs the same layout under DIR (DIR/etc/digits, DIR/opt/digits, DIR/var/lib/digits, the unit
# in DIR/etc/systemd/system) with an nginx of its own (DIR/nginx: pid, logs, payara-config/nginx/prefix.conf)
# and the service under supervise.sh, as --user (default digits): a test installation that touches neither
# /etc, Debian's nginx nor systemd; `--prefix DIR --remove` stops both. --setting adds a line to the
# environment file when it is written (e.g. DIGITS_DEFAULT_MODEL_FOLLOW_UP=none).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
http_port=80 https_port=443 app_port=8080 limit=600 remove=false prefix="" user=digits
mnist="$root/data/mnist" models="$root/models" settings=()
while [ $# -gt 0 ]; do
  case "$1" in
    --http-port) http_port=$2; shift 2 ;;
    --https-port) https_port=$2; shift 2 ;;
    --app-port) app_port=$2; shift 2 ;;
    --limit) limit=$2; shift 2 ;;
    --prefix) prefix=$2; shift 2 ;;
    --user) user=$2; shift 2 ;;
    --mnist) mnist=$2; shift 2 ;;
    --models) models=$2; shift 2 ;;
    --setting) settings+=("$2"); shift 2 ;;
    --remove) remove=true; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" = 0 ] || { echo "run as root" >&2; exit 1; }
if [ -n "$prefix" ]; then
  mkdir -p "$prefix" && prefix=$(cd "$prefix" && pwd)
fi
etc=$prefix/etc/digits home=$prefix/var/lib/digits opt=$prefix/opt/digits unit=$prefix/etc/systemd/system/digits.service
sites=$prefix/etc/nginx log=$prefix/var/log/digits.log supervisor_pid=$prefix/run/digits-supervisor.pid
if [ -z "$prefix" ] && [ -d /run/systemd/system ]; then systemd=true; else systemd=false; fi
# Debian's nginx, or with --prefix one of the installation's own.
nginx_args=()
nginx_pid=/run/nginx.pid
if [ -n "$prefix" ]; then
  nginx_args=(-p "$prefix/nginx" -c "$prefix/nginx/nginx.conf")
  nginx_pid=$prefix/nginx/nginx.pid
fi

# Whether that nginx runs already (its pid file, not a process name: other nginx may run).
nginx_runs() {
  [ -s "$nginx_pid" ] && kill -0 "$(cat "$nginx_pid")" 2>/dev/null
}

reload_nginx() {
  nginx "${nginx_args[@]}" -t -q
  if nginx_runs; then nginx "${nginx_args[@]}" -s reload; else nginx "${nginx_args[@]}"; fi
}

stop_service() {
  if $systemd; then
    systemctl disable --now digits 2>/dev/null || true
  elif [ -f "$supervisor_pid" ]; then
    pid=$(cat "$supervisor_pid")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    rm -f "$supervisor_pid"
  fi
}

if $remove; then
  stop_service
  rm -f "$sites/sites-enabled/digits.conf" "$sites/sites-available/digits.conf" "$unit"
  rm -rf "$opt" "$etc/nginx"
  $systemd && systemctl daemon-reload
  if [ -n "$prefix" ]; then
    if nginx_runs; then
      nginx "${nginx_args[@]}" -s quit
      for _ in $(seq 20); do nginx_runs || break; sleep 0.5; done
    fi
  elif nginx_runs; then
    nginx -s reload
  fi
  echo "Digits removed ($home and $etc kept: data, settings, certificate)"
  exit 0
fi

jar="$root/target/digits.jar"
[ -f "$jar" ] || { echo "$jar is missing: run mvn -B package -DskipTests first" >&2; exit 1; }
if ! command -v nginx >/dev/null || ! command -v openssl >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx openssl
fi

# The user, the artifact, the working directory (MNIST seeded when absent).
if [ "$user" = digits ]; then
  id digits >/dev/null 2>&1 || useradd --system --home-dir "$home" --shell /usr/sbin/nologin digits
fi
group=$(id -gn "$user")
install -d -m 755 "$opt" && install -m 644 "$jar" "$opt/digits.jar"
install -m 755 "$root/payara-config/supervise.sh" "$opt/supervise.sh"
install -d -o "$user" -g "$group" -m 750 "$home" "$home/data" "$home/models"
if [ ! -f "$home/data/mnist/t10k-labels-idx1-ubyte" ] && [ -d "$mnist" ]; then
  install -d -o "$user" -g "$group" "$home/data/mnist"
  install -o "$user" -g "$group" -m 644 "$mnist"/*-ubyte "$home/data/mnist/"
fi
# The repository's trained models, if it has any (otherwise the service trains its first model at start).
if [ -z "$(ls -A "$home/models")" ] && compgen -G "$models/*.model" >/dev/null; then
  install -o "$user" -g "$group" -m 640 "$models"/*.model "$models"/*.json "$home/models/"
  if [ -f "$models/active-model.txt" ]; then
    install -o "$user" -g "$group" -m 640 "$models/active-model.txt" "$home/models/"
  fi
fi

# Settings: written once, then the administrator's.
install -d -m 755 "$etc"
if [ ! -f "$etc/digits.env" ]; then
  password=$(openssl rand -base64 18 | tr '+/' '-_')
  public="https://localhost$([ "$https_port" = 443 ] || echo ":$https_port")/"
  sed -e "s|^DIGITS_ADMIN_PASSWORD=.*|DIGITS_ADMIN_PASSWORD=$password|" \
      -e "s|^DIGITS_PUBLIC_BASE_URL=.*|DIGITS_PUBLIC_BASE_URL=$public|" \
      -e "s|^DIGITS_PORT=.*|DIGITS_PORT=$app_port|" \
      "$root/payara-config/digits.env.example" >"$etc/digits.env"
  for setting in "${settings[@]}"; do echo "$setting" >>"$etc/digits.env"; done
  chown "root:$group" "$etc/digits.env" && chmod 640 "$etc/digits.env"
  echo "wrote $etc/digits.env (admin password inside)"
fi
app_port=$(sed -n 's/^DIGITS_PORT=//p' "$etc/digits.env")

# TLS: a self-signed certificate for this machine's local test; a real one (e.g. certbot) replaces the files.
install -d -m 755 "$etc/tls"
if [ ! -f "$etc/tls/digits.crt" ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$etc/tls/digits.key" -out "$etc/tls/digits.crt" 2>/dev/null
  chmod 600 "$etc/tls/digits.key"
  echo "generated a self-signed certificate: $etc/tls/digits.crt (curl --cacert $etc/tls/digits.crt)"
fi

# nginx: the includes and error pages, the site (ports filled in), Debian's default site out of the way of port 80.
rm -rf "$etc/nginx" && cp -r "$root/payara-config/nginx" "$etc/nginx"
suffix=$([ "$https_port" = 443 ] || echo ":$https_port")
mkdir -p "$sites/sites-available" "$sites/sites-enabled"
sed -e "s|@ETC@|$etc|g" -e "s|@HTTP_PORT@|$http_port|g" -e "s|@HTTPS_PORT@|$https_port|g" \
    -e "s|@HTTPS_SUFFIX@|$suffix|g" -e "s|127.0.0.1:8080|127.0.0.1:$app_port|" \
    "$root/payara-config/nginx/digits-site.conf" >"$sites/sites-available/digits.conf"
ln -sf "$sites/sites-available/digits.conf" "$sites/sites-enabled/digits.conf"
if [ -n "$prefix" ]; then
  mkdir -p "$prefix/nginx/tmp" && chmod 1777 "$prefix/nginx/tmp"
  sed -e "s|@DIR@|$prefix|g" "$root/payara-config/nginx/prefix.conf" >"$prefix/nginx/nginx.conf"
elif [ "$http_port" = 80 ]; then
  rm -f /etc/nginx/sites-enabled/default
fi

# The service: the unit, its paths and user moved under the prefix if there is one.
mkdir -p "$(dirname "$unit")" "$(dirname "$supervisor_pid")" "$(dirname "$log")"
sed -e "s|/etc/digits|$etc|g" -e "s|/var/lib/digits|$home|g" -e "s|/opt/digits|$opt|g" \
    -e "s|^User=.*|User=$user|" -e "s|^Group=.*|Group=$group|" "$root/payara-config/digits.service" >"$unit"
chmod 644 "$unit"
if $systemd; then
  systemctl daemon-reload
  systemctl enable digits
  systemctl restart digits
  systemctl enable nginx
  systemctl reload-or-restart nginx
else
  echo "systemd does not run here (process 1 is $(ps -p 1 -o comm=)): running the unit's ExecStart under" \
    "$opt/supervise.sh (restart on failure; MemoryMax and sandboxing not enforced)"
  stop_service
  nohup setsid "$opt/supervise.sh" "$unit" >>"$log" 2>&1 &
  echo $! >"$supervisor_pid"
  reload_nginx
fi

url="https://localhost:$https_port/health/ready"
began=$SECONDS
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 --cacert "$etc/tls/digits.crt" "$url")" = 200 ]; do
  if [ $((SECONDS - began)) -ge "$limit" ]; then
    echo "not ready within $limit s: see $($systemd && echo 'journalctl -u digits' || echo "$log")" >&2
    exit 1
  fi
  sleep 2
done
echo "Digits answers on https://localhost:$https_port/ (ready $((SECONDS - began)) s after the start)"
