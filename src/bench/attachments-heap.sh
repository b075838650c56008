#!/usr/bin/env bash
# The heap while ten 20 MB uploads and ten 20 MB downloads run at once (issue 19, point 1; ADR 29):
# attachments stream through the service a chunk at a time, so the heap in use stays flat however
# large the files, and a heap far smaller than the files in flight (HEAP, 128 MB: twenty files of
# 20 MB are 400 MB) serves them all.
#
# It starts a private copy of the packaged service on a scratch embedded database with -Xmx$HEAP
# (rate limits off), registers the bench customer, makes a 20 MB PNG-looking file, uploads it once
# (the file the downloads read), then runs CLIENTS uploads and CLIENTS downloads of it at once with
# curl, sampling the heap in use (the sum of /q/metrics' jvm_memory_used_bytes{area="heap"}) every
# 0.2 s before, during and after. Each download is checked against the file's SHA-256.
# Prints the heap before (the largest of 5 samples), the largest sample during, the heap after
# (the largest of 5 samples 2 s later), the number of samples, and the wall time; raw samples and
# the service log go to target/bench/attachments-heap/.
#
# Usage: src/bench/attachments-heap.sh    (build first: ./mvnw -q -DskipTests package; Java 21+)
# Settings (environment): HEAP (128m), CLIENTS (10), SIZE_MB (20), PORT (18091), JAVA_HOME.
# Needs curl, python3, sha256sum.
set -euo pipefail
cd "$(dirname "$0")/../.."
HEAP=${HEAP:-128m}
CLIENTS=${CLIENTS:-10}
SIZE_MB=${SIZE_MB:-20}
PORT=${PORT:-18091}
BASE="http://127.0.0.1:$PORT"
OUT=target/bench/attachments-heap
JAVA="${JAVA_HOME:-/usr}/bin/java"
[ -f bootstrap/target/quarkus-app/quarkus-run.jar ] \
  || { echo "no bootstrap/target/quarkus-app/quarkus-run.jar: ./mvnw -q -DskipTests package first" >&2; exit 1; }
. src/bench/lib.sh
mkdir -p "$OUT"
rm -f "$OUT"/*.txt

DATA=$(mktemp -d)
FILES=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$DATA" "$FILES"' EXIT
TRIAGE_DATA_DIR="$DATA" TRIAGE_HTTP_PORT=$PORT TRIAGE_RATE_LIMITS_ENABLED=false \
  "$JAVA" -Xmx"$HEAP" -jar bootstrap/target/quarkus-app/quarkus-run.jar >"$OUT/service.log" 2>&1 &
PID=$!
wait_ready "$BASE" 240 "$PID" "$OUT/service.log"
curl -sf "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' -d "$BENCH_ACCOUNT" >/dev/null
TOKEN=$(curl -sf "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' -d "$BENCH_LOGIN" \
  | json "['accessToken']")

# A PNG signature, then random bytes: SIZE_MB MB in all.
FILE="$FILES/big.png"
python3 - "$FILE" "$SIZE_MB" <<'PY'
import os, sys
with open(sys.argv[1], "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n")
    f.write(os.urandom(int(sys.argv[2]) * 1024 * 1024 - 8))
PY
SHA=$(sha256sum "$FILE" | cut -d' ' -f1)

upload() {
  curl -sf "$BASE/api/v1/uploads?filename=big.png" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: image/png' --data-binary @"$FILE" | json "['token']"
}

# The heap in use, in bytes: every heap pool of jvm_memory_used_bytes.
heap() {
  curl -sf "$BASE/q/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF} END {printf "%.0f\n", s}'
}

FIRST=$(upload)
for _ in 1 2 3 4 5; do heap >>"$OUT/before.txt"; sleep 0.2; done

START=$(date +%s.%N)
PIDS=()
for i in $(seq 1 "$CLIENTS"); do
  (upload >"$FILES/up-$i.token") &
  PIDS+=($!)
  (curl -sf "$BASE/api/v1/attachments/$FIRST" -H "Authorization: Bearer $TOKEN" -o "$FILES/down-$i.png") &
  PIDS+=($!)
done
(while :; do heap >>"$OUT/during.txt"; sleep 0.2; done) &
SAMPLER=$!
FAILED=0
for p in "${PIDS[@]}"; do wait "$p" || FAILED=$((FAILED + 1)); done
kill $SAMPLER 2>/dev/null || true
wait $SAMPLER 2>/dev/null || true
END=$(date +%s.%N)
sleep 2
for _ in 1 2 3 4 5; do heap >>"$OUT/after.txt"; sleep 0.2; done

BAD=0
for i in $(seq 1 "$CLIENTS"); do
  [ "$(sha256sum "$FILES/down-$i.png" | cut -d' ' -f1)" = "$SHA" ] || BAD=$((BAD + 1))
  [ -s "$FILES/up-$i.token" ] || BAD=$((BAD + 1))
done

mb() { sort -n "$1" | tail -1 | awk '{printf "%.1f", $1 / 1048576}'; }
echo "attachments-heap: -Xmx$HEAP, $CLIENTS uploads and $CLIENTS downloads of ${SIZE_MB} MB at once"
echo "  heap used before (max of 5):     $(mb "$OUT/before.txt") MB"
echo "  heap used during (max of $(wc -l <"$OUT/during.txt")):    $(mb "$OUT/during.txt") MB"
echo "  heap used after (max of 5):      $(mb "$OUT/after.txt") MB"
echo "  in flight at once:               $((2 * CLIENTS * SIZE_MB)) MB of files"
echo "  wall time:                       $(python3 -c "print(f'{$END - $START:.1f}')") s"
echo "  failed requests / bad files:     $FAILED / $BAD"
[ "$FAILED" -eq 0 ] && [ "$BAD" -eq 0 ]
