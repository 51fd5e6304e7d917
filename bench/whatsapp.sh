#!/usr/bin/env bash
# Load benchmark of the WhatsApp webhook, end to end: signed deliveries posted at full speed,
# each stored before the 200 and turned into a report by the worker; then every message is
# counted (none lost, none doubled). Against PostgreSQL on this machine, profile prod, a fresh
# database lapor_bench_wa. Not a test.
#   bash bench/whatsapp.sh                   # 30 s warm-up, 60 s measured, 8 connections
#   DURATION=120s CONNECTIONS=16 LANES=8 bash bench/whatsapp.sh   # LANES: worker threads (default 4)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
DURATION=${DURATION:-60s}
WARMUP=${WARMUP:-30s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
PORT=${PORT:-8089}
MESSAGES=${MESSAGES:-80000}        # prepared per thread and phase; more than a phase can send
SECRET=bench-whatsapp-app-secret
export BENCH_DIR=$(mktemp -d)
DB=lapor_bench_wa
sql() { psql -h 127.0.0.1 -U postgres -d $DB -qtAc "$1"; }

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
bench_fresh_database $DB

echo "== preparing $MESSAGES signed deliveries per thread and phase"
python3 - "$BENCH_DIR" "$THREADS" "$MESSAGES" "$SECRET" <<'PY'
import hashlib, hmac, sys, time
folder, threads, count, secret = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4].encode()
now = int(time.time())
for phase in ("warm", "wa"):
    for t in range(threads):
        with open(f"{folder}/{phase}-{t}.txt", "w") as out:
            for i in range(count):
                n = (0 if phase == "warm" else 1) * 50_000_000 + t * 10_000_000 + i
                sender = f"62812{n:08d}"
                body = ('{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":'
                        '{"messaging_product":"whatsapp","metadata":{"display_phone_number":"6281100001708",'
                        '"phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Warga ' + str(n) + '"},'
                        '"wa_id":"' + sender + '"}],"messages":[{"from":"' + sender + '","id":"wamid.BENCH' + str(n) + '",'
                        '"timestamp":"' + str(now) + '","type":"text","text":{"body":"Jalan berlubang di Jl. Sudirman '
                        'nomor ' + str(n) + ', sudah dua minggu \\ud83d\\ude4f"}}]},"field":"messages"}]}]}')
                signature = "sha256=" + hmac.new(secret, body.encode(), hashlib.sha256).hexdigest()
                out.write(signature + "\t" + body + "\n")
PY

./mvnw -B -q -ntp -DskipTests package   # the jar of this checkout, never an older one
SPRING_PROFILES_ACTIVE=prod \
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
SPRING_DATASOURCE_USERNAME=postgres \
LAPOR_SECURITY_TOKEN_SECRET=bench-secret-bench-secret-bench-secret-0123 \
java -Xms512m -Xmx1g -jar target/lapor-jambi-0.1.0-SNAPSHOT.jar --lapor.national.url= --server.port=$PORT --logging.level.root=WARN \
  --lapor.channels.whatsapp.app-secret=$SECRET --lapor.channels.worker-lanes=${LANES:-4} \
  > "$BENCH_DIR/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null && break; sleep 1; done

drain() { # waits until the worker has handled every stored message; prints how long it took
  local start=$(date +%s)
  for _ in $(seq 1 900); do
    [ "$(sql "select count(*) from inbound_message where status = 'PENDING'")" = "0" ] && break
    sleep 1
  done
  echo "worker drained the backlog $(( $(date +%s) - start )) s after the load stopped"
}

echo "== warm-up: $WARMUP (discarded)"
BENCH_SET=warm wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/whatsapp.lua "http://127.0.0.1:$PORT" | tail -1
drain
BEFORE=$(sql "select count(*) from inbound_message")

echo "== measured: POST /webhooks/whatsapp, $CONNECTIONS connections, $DURATION"
STARTED=$(date +%s)
BENCH_SET=wa wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/whatsapp.lua "http://127.0.0.1:$PORT" \
  | tee "$BENCH_DIR/wrk.txt"
drain
FINISHED=$(date +%s)
ACCEPTED=$(( $(grep -oE '^requests: [0-9]+' "$BENCH_DIR/wrk.txt" | grep -oE '[0-9]+') \
  - $(grep -oE 'non-2xx/3xx: [0-9]+' "$BENCH_DIR/wrk.txt" | grep -oE '[0-9]+$') ))
STORED=$(( $(sql "select count(*) from inbound_message") - BEFORE ))
echo "== counts"
echo "answered 200 in the measured phase: $ACCEPTED (wrk stops mid-flight: a few more may be stored than counted)"
echo "stored in the measured phase:       $STORED"
echo "end to end: $STORED messages turned into reports in $(( FINISHED - STARTED )) s from the first request: $(( STORED / (FINISHED - STARTED) ))/s"
echo "messages stored in all:              $(sql "select count(*) from inbound_message")"
echo "reports from WhatsApp:               $(sql "select count(*) from report where channel = 'WHATSAPP'")"
echo "messages not turned into a report:   $(sql "select count(*) from inbound_message where report_code is null")"
echo "senders with more than one report:   $(sql "select count(*) from (select reporter_handle from report group by reporter_handle having count(*) > 1) d")"
echo "message ids stored twice:            $(sql "select count(*) from (select provider_message_id from inbound_message group by provider_message_id having count(*) > 1) d")"
echo "step 1 met (channel latency ≤ 1 working day): $(sql "select count(*) from timeline_entry where action = 'submit' and met")"
