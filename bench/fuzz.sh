#!/usr/bin/env bash
# Fuzz run: malformed and hostile requests against every operation of the OpenAPI document,
# every webhook and every public page of the service running on PostgreSQL (profile prod,
# channels on with bench secrets, API docs on), then the count of answers >= 500 (aim: 0).
# Not a test.
#   bash bench/fuzz.sh                  # 100,000 requests, 8 threads
#   REQUESTS=20000 THREADS=4 bash bench/fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
REQUESTS=${REQUESTS:-100000}
THREADS=${THREADS:-8}
PORT=${PORT:-8091}
DB=lapor_bench_fuzz
LOG=$(mktemp)
bench_fresh_database $DB
./mvnw -B -q -ntp -DskipTests package
SPRING_PROFILES_ACTIVE=prod SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
SPRING_DATASOURCE_USERNAME=postgres LAPOR_SECURITY_TOKEN_SECRET=bench-secret-bench-secret-bench-secret-0123 \
LAPOR_API_DOCS=true \
java -Xmx1g -jar target/lapor-jambi-0.1.0-SNAPSHOT.jar --lapor.national.url= --server.port=$PORT --logging.level.root=WARN \
  --lapor.channels.whatsapp.app-secret=fuzz --lapor.channels.whatsapp.verify-token=fuzz \
  --lapor.channels.instagram.app-secret=fuzz --lapor.channels.x.consumer-secret=fuzz --lapor.channels.x.user-id=1 \
  --lapor.channels.telegram.secret-token=fuzz --lapor.channels.sms.secret=fuzz \
  --lapor.rate-limit.writes-per-minute=10000000 > "$LOG" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null && break; sleep 1; done
python3 bench/fuzz.py 127.0.0.1 $PORT $REQUESTS $THREADS
echo "== errors the service logged: $(grep -c ' ERROR ' "$LOG" || true) (log: $LOG)"
grep ' ERROR ' "$LOG" | sed -E 's/^.{0,80}ERROR/ERROR/' | sort | uniq -c | sort -rn | head -10 || true
