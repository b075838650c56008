#!/usr/bin/env bash
# Measures the cost of one login (Argon2id verification + token signing + two small queries):
# starts the packaged service on a scratch embedded database with rate limits off, registers one
# account, then times N sequential logins. Prints p50/p95/max in milliseconds; raw timings go to
# target/bench/login-cost.txt.
# Usage: src/bench/login-cost.sh [N]   (build first: ./mvnw -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/lib.sh
N=${1:-30}
PORT=${PORT:-18080}
OUT=target/bench
mkdir -p "$OUT"
start_scratch_service "$PORT" "$OUT/login-cost-service.log"

: >"$OUT/login-cost.txt"
for _ in $(seq 1 "$N"); do
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "localhost:$PORT/api/v1/auth/login" \
    -H 'Content-Type: application/json' -d "$BENCH_LOGIN" >>"$OUT/login-cost.txt"
done
grep -c '^200 ' "$OUT/login-cost.txt" | xargs printf 'logins answered 200: %s of '"$N"'\n'
awk '{print $2*1000}' "$OUT/login-cost.txt" | sort -n | awk '
  {v[NR]=$1} END {
    printf "login latency ms: p50=%.1f p95=%.1f max=%.1f (n=%d, sequential)\n",
      v[int(NR*0.5+0.5)], v[int(NR*0.95+0.5)], v[NR], NR }'
