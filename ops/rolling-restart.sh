#!/usr/bin/env bash
# Restarts the instances one at a time behind HAProxy, so that the service never stops answering:
# each instance is stopped gracefully (it refuses new connections at once and finishes what it is
# doing; HAProxy sends the new requests to the others), started again, and only when its readiness
# answers 200 is the next one restarted.
#
#   ops/rolling-restart.sh 8081 8082          (systemd units lapor@<port>)
#   LAPOR_RESTART='my-restart-command {port}' ops/rolling-restart.sh 8081 8082
set -euo pipefail
for port in "$@"; do
  echo "restarting the instance on $port"
  if [ -n "${LAPOR_RESTART:-}" ]; then
    eval "${LAPOR_RESTART//\{port\}/$port}"
  else
    systemctl restart "lapor@$port"
  fi
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null && break
    sleep 1
  done
  curl -sf "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null \
    || { echo "the instance on $port did not come back; stopping here" >&2; exit 1; }
  # let HAProxy see it up (rise 2 × 1 s) before the next one goes down
  sleep 3
done
echo "all instances restarted"
