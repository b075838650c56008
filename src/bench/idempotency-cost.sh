#!/usr/bin/env bash
# What an Idempotency-Key costs on ticket creation: starts the packaged service on a scratch
# embedded database with rate limits off, registers one customer, then creates tickets without a
# key, with a new key each, and replaying one key, side by side (IdempotencyCost.java). Prints one
# line per mode (rate, p50, p95, p99, ratio to no key); raw timings go to target/bench/.
# Usage: src/bench/idempotency-cost.sh [requests per round] [concurrency] [rounds]
#        (build first: ./mvnw -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000}
C=${2:-8}
ROUNDS=${3:-3}
PORT=${PORT:-18081}
JAVA="${JAVA_HOME:-/usr}/bin/java"
OUT=target/bench
mkdir -p "$OUT"
DATA=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT

TRIAGE_DATA_DIR="$DATA" TRIAGE_HTTP_PORT=$PORT TRIAGE_RATE_LIMITS_ENABLED=false \
  "$JAVA" -jar bootstrap/target/quarkus-app/quarkus-run.jar >"$OUT/idempotency-cost-service.log" 2>&1 &
PID=$!
for _ in $(seq 1 120); do
  curl -sf "localhost:$PORT/q/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done

ACCOUNT='{"email":"bench@example.com","displayName":"Bench","password":"a-long-bench-password"}'
curl -sf "localhost:$PORT/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d "$ACCOUNT" >/dev/null
TOKEN=$(curl -sf "localhost:$PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"a-long-bench-password"}' |
  sed -E 's/.*"accessToken":"([^"]+)".*/\1/')

"$JAVA" src/bench/IdempotencyCost.java "http://localhost:$PORT" "$TOKEN" "$N" "$C" "$ROUNDS" "$OUT"
