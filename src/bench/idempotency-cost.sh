#!/usr/bin/env bash
# What an Idempotency-Key costs on ticket creation: starts the packaged service on a scratch
# embedded database with rate limits off, registers one customer, then creates tickets without a
# key, with a new key each, and replaying one key, side by side (IdempotencyCost.java). Prints one
# line per mode (rate, p50, p95, p99, ratio to no key); raw timings go to target/bench/.
# Usage: src/bench/idempotency-cost.sh [requests per round] [concurrency] [rounds]
#        (build first: ./mvnw -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/lib.sh
N=${1:-1000}
C=${2:-8}
ROUNDS=${3:-3}
PORT=${PORT:-18081}
OUT=target/bench
mkdir -p "$OUT"
start_scratch_service "$PORT" "$OUT/idempotency-cost-service.log"

TOKEN=$(curl -sf "localhost:$PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "$BENCH_LOGIN" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')

"$JAVA" src/bench/IdempotencyCost.java "http://localhost:$PORT" "$TOKEN" "$N" "$C" "$ROUNDS" "$OUT"
