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
