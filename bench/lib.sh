# Shared by the benchmark scripts: a fresh PostgreSQL database migrated by the service itself.

bench_fresh_database() { # name
  pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL must run on 127.0.0.1:5432" >&2; exit 1; }
  psql -h 127.0.0.1 -U postgres -d postgres -qtAc "drop database if exists $1 with (force)"
  psql -h 127.0.0.1 -U postgres -d postgres -qtAc "create database $1"
}

bench_migrate() { # database port: start the jar (prod profile, scheduler off) until ready, then stop it
  [ -f target/lapor-jambi-0.1.0-SNAPSHOT.jar ] || ./mvnw -B -q -ntp -DskipTests package
  SPRING_PROFILES_ACTIVE=prod SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$1 \
  SPRING_DATASOURCE_USERNAME=postgres LAPOR_SECURITY_TOKEN_SECRET=bench-secret-bench-secret-bench-secret-0123 \
  java -jar target/lapor-jambi-0.1.0-SNAPSHOT.jar --lapor.national.url= --server.port="$2" --lapor.scheduler.enabled=false \
    --logging.level.root=WARN >/dev/null 2>&1 &
  local service=$!
  for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$2/actuator/health/readiness" >/dev/null && break; sleep 1; done
  kill $service; wait $service 2>/dev/null || true
}

bench_start_service() { # database port: the jar under load settings (prod profile, demo accounts, no rate
  # limit, no national bridge) in the background until ready; sets SERVICE and exports BENCH_TOKEN
  [ -f target/lapor-jambi-0.1.0-SNAPSHOT.jar ] || ./mvnw -B -q -ntp -DskipTests package
  SPRING_PROFILES_ACTIVE=prod SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$1 \
  SPRING_DATASOURCE_USERNAME=postgres LAPOR_SECURITY_TOKEN_SECRET=bench-secret-bench-secret-bench-secret-0123 \
  LAPOR_DEMO_ENABLED=true \
  java ${JAVA_OPTS:--Xms512m -Xmx1g} -jar target/lapor-jambi-0.1.0-SNAPSHOT.jar --lapor.national.url= --server.port="$2" \
    --logging.level.root=WARN --lapor.rate-limit.enabled=false > "$BENCH_DIR/service.log" 2>&1 &
  SERVICE=$!
  for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$2/actuator/health/readiness" >/dev/null && break; sleep 1; done
  export BENCH_TOKEN=$(curl -s "http://127.0.0.1:$2/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d '{"username":"nasional","password":"demo12345"}' | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
}
