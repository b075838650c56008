# Helpers the bench scripts share. A script sources it once it is at the repository root:
#   . src/bench/lib.sh
# The service on a scratch PostgreSQL takes the script's PGPORT, PORT, BASE, WORK and ADMIN.

JAVA="${JAVA_HOME:-/usr}/bin/java"

# Polls $1/q/health/ready every half second, $2 times at most, and fails unless it answers 200.
# With $3, stops as soon as that process (the service) has exited, naming its log $4.
wait_ready() {
  for _ in $(seq 1 "$2"); do
    curl -sf "$1/q/health/ready" >/dev/null 2>&1 && break
    if [ -n "${3:-}" ] && ! kill -0 "$3" 2>/dev/null; then
      echo "the service exited; see $4" >&2
      exit 1
    fi
    sleep 0.5
  done
  curl -sf "$1/q/health/ready" >/dev/null
}

# ---- The packaged service on a scratch embedded database ----------------------------------------

BENCH_ACCOUNT='{"email":"bench@example.com","displayName":"Bench","password":"a-long-bench-password"}'
BENCH_LOGIN='{"email":"bench@example.com","password":"a-long-bench-password"}'

# Starts the packaged service on port $1 with rate limits off and a scratch embedded database, its
# log in $2, waits until it is ready and registers the bench customer (BENCH_ACCOUNT). PID is the
# service and DATA its data directory: both go when the script exits.
start_scratch_service() {
  DATA=$(mktemp -d)
  trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
  TRIAGE_DATA_DIR="$DATA" TRIAGE_HTTP_PORT=$1 TRIAGE_RATE_LIMITS_ENABLED=false \
    "$JAVA" -jar bootstrap/target/quarkus-app/quarkus-run.jar >"$2" 2>&1 &
  PID=$!
  wait_ready "localhost:$1" 120
  curl -sf "localhost:$1/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "$BENCH_ACCOUNT" >/dev/null
}

# ---- The packaged service on a scratch PostgreSQL ------------------------------------------------

# Runs its arguments as the user postgres.
as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }

# A scratch directory, WORK, with a pg/ of postgres' own for the database's files.
new_work_dir() {
  WORK=$(mktemp -d)
  chmod 755 "$WORK"
  mkdir "$WORK/pg" && chown postgres "$WORK/pg"
}

# Starts the service jar $1 (JVM options in SERVICE_JAVA_OPTS, if set) on PORT against the
# database triage of the PostgreSQL on PGPORT (rate limits off, migrations at start-up, the bench
# admin, 4-hour access tokens), its log in $2, and waits until it is ready. SERVICE is its pid.
start_service() {
  TRIAGE_DB_URL="postgresql://127.0.0.1:$PGPORT/triage" TRIAGE_DB_USER=postgres TRIAGE_DB_PASSWORD=x \
    TRIAGE_HTTP_PORT=$PORT TRIAGE_DATA_DIR="$WORK/data" TRIAGE_RATE_LIMITS_ENABLED=false \
    TRIAGE_ADMIN_EMAIL=admin@bench.triage TRIAGE_ADMIN_PASSWORD=bench-admin-password \
    TRIAGE_JWT_ACCESS_TOKEN_LIFETIME=PT4H QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
    "$JAVA" ${SERVICE_JAVA_OPTS:-} -jar "$1" >"$2" 2>&1 &
  SERVICE=$!
  wait_ready "$BASE" 240 "$SERVICE" "$2"
}

# Prints the part $1 (a Python subscript such as ['id']) of the JSON on standard input.
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

# The access token of the account $1 with the password $2.
login() {
  curl -sf "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$2\"}" | json "['accessToken']"
}

# Makes the account $1 with the role $2 as ADMIN (the bench password); prints its id.
user() {
  curl -sf "$BASE/api/v1/users" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"displayName\":\"Bench $2\",\"password\":\"a-long-bench-password\",\"role\":\"$2\"}" \
    | json "['id']"
}
