#!/usr/bin/env bash
# Runs a systemd unit's service where systemd does not run (a container whose process 1 is not systemd):
# the unit's User, WorkingDirectory, EnvironmentFile and ExecStart, started again after RestartSec when it
# exits with a status other than 0 or SuccessExitStatus (Restart=on-failure). SIGTERM stops the service and
# then the supervisor. Not enforced here: MemoryMax and the sandboxing lines (they need systemd's cgroups and
# namespaces); the JVM's heap cap in JAVA_OPTS still holds.
#
#   payara-config/supervise.sh /etc/systemd/system/digits.service
set -uo pipefail
unit=$1

setting() {
  sed -n "s/^$1=//p" "$unit" | tail -1
}

user=$(setting User)
workdir=$(setting WorkingDirectory)
environment_file=$(setting EnvironmentFile)
exec_start=$(setting ExecStart)
restart_sec=$(setting RestartSec)
success=$(setting SuccessExitStatus)
child=""

stop() {
  [ -n "$child" ] && kill -TERM "$child" 2>/dev/null && wait "$child"
  exit 0
}
trap stop TERM INT

while true; do
  echo "$(date -Is) supervise: starting $exec_start as $user"
  # The environment file's KEY=value lines become the service's environment; the shell then expands
  # $VARIABLES in ExecStart the way systemd does (unquoted: split on spaces).
  runuser -u "$user" -- env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$workdir" \
    bash -c 'set -a; . "$1"; set +a; cd "$2" && eval "exec $3"' supervise "$environment_file" "$workdir" "$exec_start" &
  child=$!
  wait "$child"
  status=$?
  child=""
  if [ "$status" -eq 0 ] || [ "$status" = "$success" ]; then
    echo "$(date -Is) supervise: the service ended with status $status: not restarted"
    exit 0
  fi
  echo "$(date -Is) supervise: the service failed with status $status: restarting in ${restart_sec:-10} s"
  sleep "${restart_sec:-10}" &
  wait $!
done
