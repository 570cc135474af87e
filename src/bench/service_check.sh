#!/usr/bin/env bash
# Checks the service installed by payara-config/install.sh through nginx, over HTTPS with its certificate:
# HTTP redirects to HTTPS, the certificate is the one installed (curl --cacert; without it curl refuses),
# the health endpoint is UP, a page and a prediction answer, the stored drawing is read back with an https
# Location, and a request Payara refuses with an empty body gets the app's error page or problem instead.
#
#   payara-config/install.sh --http-port 8480 --https-port 8443 --app-port 8380
#   src/bench/service_check.sh --http-port 8480 --https-port 8443
#
# Exits 0 when every check passes, 1 otherwise. Loopback only.
set -uo pipefail
http_port=80 https_port=443 cacert=/etc/digits/tls/digits.crt
while [ $# -gt 0 ]; do
  case "$1" in
    --http-port) http_port=$2; shift 2 ;;
    --https-port) https_port=$2; shift 2 ;;
    --cacert) cacert=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
base="https://localhost:$https_port"
failures=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

check() { # description, then the command whose success is the check
  local description=$1
  shift
  if "$@"; then echo "ok      $description"; else echo "FAILED  $description"; failures=$((failures + 1)); fi
}

# One request over HTTPS: writes the headers to $work/headers and the body to $work/body, prints the status.
https() {
  curl -s --path-as-is --cacert "$cacert" -D "$work/headers" -o "$work/body" -w '%{http_code}' "$@"
}
header() { grep -i "^$1:" "$work/headers" | head -1 | cut -d' ' -f2- | tr -d '\r'; }

redirect=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://localhost:$http_port/number?lang=en")
check "HTTP redirects to HTTPS, path kept ($redirect)" test "$redirect" = "301 $base/number?lang=en"
check "without the installed certificate curl refuses the connection" \
  test "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")" = 000
check "GET /health/ready over HTTPS is 200 UP" test "$(https "$base/health/ready")" = 200
check "  and says UP" grep -q '"status":"UP"' "$work/body"
check "GET / is the drawing page ($(https "$base/")), with HSTS" \
  grep -qi '^strict-transport-security:' "$work/headers"
check "  the page is the app's" grep -q '<canvas' "$work/body"

# A 280x280 "1" as a PNG, made by the load scripts' own writer.
python3 -c "import sys; sys.path.insert(0, '$(dirname "$0")'); import benchload; sys.stdout.buffer.write(benchload.digit_one(280, 280))" >"$work/one.png"
status=$(https -H 'Content-Type: image/png' --data-binary @"$work/one.png" "$base/api/predictions")
location=$(header location)
id=$(python3 -c "import json; print(json.load(open('$work/body'))['id'])" 2>/dev/null)
check "POST /api/predictions is 201 ($status), Location $location" test "$status" = 201
check "  the Location is the public https address" test "${location#"$base/"}" != "$location"
check "GET /api/predictions/$id reads it back" test "$(https "$base/api/predictions/$id")" = 200

status=$(https "$base/%5C")
check "GET /%5C (unreadable for Payara's connector) is $status with the app's error page" \
  test "$status" = 400 -a -s "$work/body"
check "  in the app's words, French by default" grep -q 'Erreur 400' "$work/body"
status=$(https "$base/%5C?lang=en")
check "GET /%5C?lang=en is $status in English" test "$status" = 400
check "  in the app's words" grep -q 'Error 400' "$work/body"
status=$(https "$base/api/predictions/%5C")
check "GET /api/predictions/%5C is $status problem+json" test "$status" = 400
check "  with a problem body" grep -qi '^content-type: application/problem+json' "$work/headers"
check "an app 400 keeps its own detail" test "$(https -H 'Content-Type: application/json' -d '{"pixels":[1.5]}' \
  "$base/api/predictions")" = 400
check "  (not nginx's generic one)" grep -qi 'pixels' "$work/body"

if [ "$failures" -gt 0 ]; then echo "service check FAILED ($failures)"; exit 1; fi
echo "service check passed"
