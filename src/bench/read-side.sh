#!/usr/bin/env bash
# Read side at scale: list pages (several filters, page 1 and deep pages via cursors), full-text
# search, the dashboard and the counts of saved views, first with 10 thousand tickets, then with 1 million, on the same
# service and the same PostgreSQL. Prints p50/p95/p99 per scenario and size and the ratio of the
# p95s (1M / 10k); raw hey output and the service log go to target/bench/read-side/.
#
# It starts a scratch PostgreSQL (Debian's, PGBIN, run as user postgres, fsync off: only reads are
# measured) on 127.0.0.1, starts the packaged service against it (rate limits off, migrations at
# start-up), makes an agent and a customer through the API, loads the newest 10,000 tickets with
# read-side-data.sql, measures, loads the older ones up to the large size, measures again, and
# removes everything it made. Loopback only; every load is a fixed number of requests.
#
# At the large size it then shows the plans of the sweeps' candidate queries (SqlSweepCandidates),
# with every running SLA clock given a next alarm in the future (none due), and again with 1,000
# tickets due: EXPLAIN (ANALYZE, BUFFERS) in $OUT/sweep-plans.txt, a summary line each.
#
# Usage: src/bench/read-side.sh [SMALL=10000] [LARGE=1000000]
#   (build first: ./mvnw -q -DskipTests package; needs hey, python3, psql)
# Settings: REQUESTS per scenario (300), CONCURRENCY (4), PGBIN, PGPORT (55440), PORT (18081),
#   MEASURE (yes; no loads the tickets and shows the sweep plans only).
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/lib.sh
SMALL=${1:-10000}
LARGE=${2:-1000000}
REQUESTS=${REQUESTS:-300}
MEASURE=${MEASURE:-yes}
CONCURRENCY=${CONCURRENCY:-4}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGPORT=${PGPORT:-55440}
PORT=${PORT:-18081}
OUT=target/bench/read-side
BASE="http://127.0.0.1:$PORT"
mkdir -p "$OUT"
rm -f "$OUT"/*.txt

new_work_dir
SERVICE=""
cleanup() {
  [ -n "$SERVICE" ] && kill "$SERVICE" 2>/dev/null && wait "$SERVICE" 2>/dev/null || true
  as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "starting PostgreSQL on 127.0.0.1:$PGPORT"
as_postgres "$PGBIN/initdb" -D "$WORK/pg/data" -U postgres --auth=trust >"$OUT/initdb.log"
as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/log" -w -o \
  "-p $PGPORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=1GB \
   -c max_connections=50 -c maintenance_work_mem=512MB -c max_wal_size=4GB" start >/dev/null
PSQL=(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -X -q -v ON_ERROR_STOP=1)
"${PSQL[@]}" -c "create database triage"

echo "starting the service on 127.0.0.1:$PORT"
# A private copy of the packaged service, so nothing else that runs the build's jar touches it.
cp -r bootstrap/target/quarkus-app "$WORK/app"
mv "$WORK/app/quarkus-run.jar" "$WORK/app/triage-read-side-bench.jar"
start_service "$WORK/app/triage-read-side-bench.jar" "$OUT/service.log"

ADMIN=$(login admin@bench.triage bench-admin-password)
AGENT_ID=$(user agent@bench.triage AGENT)
CUSTOMER_ID=$(user customer@bench.triage CUSTOMER)
AGENT=$(login agent@bench.triage a-long-bench-password)
CUSTOMER=$(login customer@bench.triage a-long-bench-password)
RESTRICTED_ID=$(user restricted@bench.triage AGENT)
# The first of the 5 groups the data puts 80% of tickets in (read-side-data.sql makes them).
GROUP0=00000000-0000-7000-b000-000000000000
RESTRICTED=""
# An agent restricted to GROUP0, once the first load has made the groups.
restrict_agent() {
  curl -sf -X PATCH "$BASE/api/v1/groups/$GROUP0" -H "Authorization: Bearer $ADMIN" \
    -H 'Content-Type: application/json' -d "{\"memberIds\":[\"$RESTRICTED_ID\"]}" >/dev/null
  curl -sf -X PATCH "$BASE/api/v1/users/$RESTRICTED_ID" -H "Authorization: Bearer $ADMIN" \
    -H 'Content-Type: application/json' -d '{"restrictedToGroups":true}' >/dev/null
  RESTRICTED=$(login restricted@bench.triage a-long-bench-password)
}
NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ)
# The drop-down the data sets on 20% (gold) and 0.1% (platinum) of tickets (V24, ADR 20).
curl -sf "$BASE/api/v1/ticket-fields" -H "Authorization: Bearer $ADMIN" \
  -H 'Content-Type: application/json' \
  -d '{"key":"bench_tier","label":"Bench tier","type":"DROPDOWN","options":["gold","silver","platinum"]}' \
  >/dev/null

load() { # first count
  local first=$1 count=$2 batch=200000
  while [ "$count" -gt 0 ]; do
    local n=$((count < batch ? count : batch))
    "${PSQL[@]}" -d triage -v first="$first" -v count="$n" -v now="$NOW" -v agent="$AGENT_ID" \
      -v customer="$CUSTOMER_ID" -f src/bench/read-side-data.sql
    first=$((first + n))
    count=$((count - n))
  done
  "${PSQL[@]}" -d triage -c "vacuum analyze tickets" -c "vacuum analyze ticket_comments"
}

# The cursor of page $3 of $2 as $1 (page 1 has none).
cursor_of_page() {
  local token=$1 url=$2 page=$3 cursor=""
  for _ in $(seq 2 "$page"); do
    local sep="?"; [[ "$url" == *\?* ]] && sep="&"
    local next="$url${cursor:+${sep}cursor=$cursor}"
    local body
    body=$(curl -s -w '\n%{http_code}' "$next" -H "Authorization: Bearer $token")
    if [ "${body##*$'\n'}" != 200 ]; then
      echo "$next answered ${body##*$'\n'}: ${body%$'\n'*}" >&2
      return 1
    fi
    cursor=$(printf '%s' "${body%$'\n'*}" | json "['nextCursor']")
    [ "$cursor" = "None" ] && { echo "no page $page of $url" >&2; return 1; }
  done
  echo "$cursor"
}

# name token path [page]
SCENARIOS=(
  "list-newest-p1|STAFF|/api/v1/tickets?limit=25|1"
  "list-newest-p60|STAFF|/api/v1/tickets?limit=25|60"
  "list-open-by-due-p1|STAFF|/api/v1/tickets?status=OPEN&status=IN_PROGRESS&sort=slaDueAt&limit=25|1"
  "list-closed-oldest-p60|STAFF|/api/v1/tickets?status=CLOSED&sort=createdAt&limit=25|60"
  "list-priority-p60|STAFF|/api/v1/tickets?sort=priority&limit=25|60"
  "list-mine-priority-p1|AGENT|/api/v1/tickets?assignee=me&sort=priority&limit=25|1"
  "list-mine-newest-p15|AGENT|/api/v1/tickets?assignee=me&limit=25|15"
  "list-unassigned-due-p1|STAFF|/api/v1/tickets?assignee=none&status=OPEN&sort=slaDueAt&limit=25|1"
  "list-overdue-flag-p1|STAFF|/api/v1/tickets?overdue=true&limit=25|1"
  "list-escalated-p1|STAFF|/api/v1/tickets?escalated=true&priority=HIGH&limit=25|1"
  "list-last-week-p1|STAFF|/api/v1/tickets?createdAfter=WEEK_AGO&sort=createdAt&limit=25|1"
  "list-customer-own-p1|CUSTOMER|/api/v1/tickets?limit=25|1"
  "list-tag-p1|STAFF|/api/v1/tickets?tag=vip&limit=25|1"
  "list-rare-tag-p1|STAFF|/api/v1/tickets?tag=legal-hold&limit=25|1"
  "list-field-p1|STAFF|/api/v1/tickets?field.bench_tier=gold&limit=25|1"
  "list-rare-field-p1|STAFF|/api/v1/tickets?field.bench_tier=platinum&limit=25|1"
  "list-group-p1|STAFF|/api/v1/tickets?group=GROUP0&limit=25|1"
  "list-restricted-agent-p1|RESTRICTED|/api/v1/tickets?limit=25|1"
  "overdue-endpoint-p1|STAFF|/api/v1/tickets/overdue?limit=25|1"
  "search-code|STAFF|/api/v1/tickets?q=sku0042&limit=25|1"
  "search-either-code|STAFF|/api/v1/tickets?q=sku0042%20or%20sku4242&limit=25|1"
  "search-code-newest|STAFF|/api/v1/tickets?q=sku1234&sort=-createdAt&limit=25|1"
  "search-customer|CUSTOMER|/api/v1/tickets?q=printer&limit=25|1"
  "dashboard|ADMIN|/api/v1/dashboard|1"
  "view-counts|AGENT|/api/v1/views/counts|1"
)
WEEK_AGO=$(date -u -d '7 days ago' +%Y-%m-%dT%H:%M:%SZ)

# Saves a view as $1 with the body $2 (view-counts polls the agent's five: three shared, two own).
view() {
  curl -sf "$BASE/api/v1/views" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    -d "$2" >/dev/null
}
view "$ADMIN" '{"name":"All open by due","shared":true,"filters":{"status":["OPEN","IN_PROGRESS"]},"sort":"slaDueAt"}'
view "$ADMIN" '{"name":"Unassigned","shared":true,"filters":{"assignee":"none","status":["OPEN"]},"sort":"slaDueAt"}'
view "$ADMIN" '{"name":"High, escalated","shared":true,"filters":{"priority":"HIGH","escalated":"true"}}'
view "$AGENT" '{"name":"My open tickets","filters":{"assignee":"me","status":["OPEN","IN_PROGRESS","PENDING_CUSTOMER"]},"sort":"priority"}'
view "$AGENT" "{\"name\":\"Last week\",\"filters\":{\"createdAfter\":\"$WEEK_AGO\"},\"sort\":\"createdAt\"}"

measure() { # size label
  [ "$MEASURE" = yes ] || return 0
  local size=$1
  for s in "${SCENARIOS[@]}"; do
    IFS='|' read -r name who path page <<<"$s"
    path=${path//WEEK_AGO/$WEEK_AGO}
    path=${path//GROUP0/$GROUP0}
    case $who in
      STAFF) token=$AGENT ;; AGENT) token=$AGENT ;; CUSTOMER) token=$CUSTOMER ;; ADMIN) token=$ADMIN ;;
      RESTRICTED) token=$RESTRICTED ;;
    esac
    local url="$BASE$path"
    if [ "$page" -gt 1 ]; then
      local c
      c=$(cursor_of_page "$token" "$url" "$page") || exit 1
      url="$url&cursor=$c"
    fi
    local status
    status=$(curl -s -o /dev/null -w '%{http_code}' "$url" -H "Authorization: Bearer $token")
    [ "$status" = 200 ] || { echo "$name answered $status" >&2; exit 1; }
    hey -n 100 -c "$CONCURRENCY" -H "Authorization: Bearer $token" "$url" >/dev/null
    hey -n "$REQUESTS" -c "$CONCURRENCY" -H "Authorization: Bearer $token" "$url" \
      >"$OUT/$name-$size.txt"
    local p50 p95 p99 bad
    p50=$(awk '/ 50% in /{print $3*1000}' "$OUT/$name-$size.txt")
    p95=$(awk '/ 95% in /{print $3*1000}' "$OUT/$name-$size.txt")
    p99=$(awk '/ 99% in /{print $3*1000}' "$OUT/$name-$size.txt")
    bad=$(awk '/^  \[/{if ($1 != "[200]") n += $2} END {print n+0}' "$OUT/$name-$size.txt")
    printf '%s %s %s %s %s %s\n' "$name" "$size" "$p50" "$p95" "$p99" "$bad" >>"$OUT/summary.txt"
    printf '%-26s %8s tickets  p50=%7.2f ms  p95=%7.2f ms  p99=%7.2f ms  non-200=%s\n' \
      "$name" "$size" "$p50" "$p95" "$p99" "$bad"
  done
}

: >"$OUT/summary.txt"
start=$(date +%s)
echo "loading $SMALL tickets"
load 0 "$SMALL"
restrict_agent
echo "loaded in $(( $(date +%s) - start )) s; measuring ($REQUESTS requests per scenario, $CONCURRENCY at a time)"
measure "$SMALL"
start=$(date +%s)
echo "loading up to $LARGE tickets"
load "$SMALL" $((LARGE - SMALL))
echo "loaded in $(( $(date +%s) - start )) s; measuring"
"${PSQL[@]}" -d triage -At -c "select 'tickets=' || count(*) from tickets" \
  -c "select 'comments=' || count(*) from ticket_comments" \
  -c "select 'database=' || pg_size_pretty(pg_database_size('triage'))" | tee -a "$OUT/sizes.txt"
measure "$LARGE"

# The sweeps' candidate queries, as SqlSweepCandidates sends them ($1 now, $2 the batch size).
SWEEP_QUERIES=(
  "sla-alarms|(timestamptz, int)|select id from tickets where next_sla_alarm_at <= \$1 order by next_sla_alarm_at limit \$2|now(), 500"
  "stale-open|(timestamptz, int)|select id from tickets where status = 'OPEN' and not auto_escalated and created_at <= \$1 and (assignee_id is null or first_responded_at is null) order by created_at, id limit \$2|now() - interval '24 hours', 500"
  "resolved-idle|(timestamptz, int)|select id from tickets where status = 'RESOLVED' and updated_at <= \$1 order by updated_at, id limit \$2|now() - interval '7 days', 500"
)
sweep_plans() { # label
  for q in "${SWEEP_QUERIES[@]}"; do
    IFS='|' read -r name types sql args <<<"$q"
    local plan
    plan=$("${PSQL[@]}" -d triage -At -c "prepare q $types as $sql" \
      -c "explain (analyze, buffers, timing off, summary on) execute q($args)")
    printf '==== %s, %s\n%s\n\n' "$name" "$1" "$plan" >>"$OUT/sweep-plans.txt"
    local rows buffers ms
    rows=$(printf '%s\n' "$plan" | sed -n '1s/.*actual rows=\([0-9]*\).*/\1/p')
    buffers=$(printf '%s\n' "$plan" | awk '/Buffers:/{sub(/.*Buffers: /, ""); print; exit}')
    ms=$(printf '%s\n' "$plan" | awk '/Execution Time/{print $3}')
    printf '%-14s %-36s rows=%-5s %-28s %s ms\n' "$name" "$1" "$rows" "$buffers" "$ms" \
      | tee -a "$OUT/sweep-plans-summary.txt"
  done
}
: >"$OUT/sweep-plans.txt"
: >"$OUT/sweep-plans-summary.txt"
echo
echo "sweep candidate plans at $LARGE tickets:"
# What each save stores (SlaAlarmPolicy.nextAlarmAt): a running clock's next warning or breach,
# here between 1 and 9 hours ahead. Every loaded ticket gets one, as if all of them were open with
# running clocks (the worst case for this index; the other columns do not matter to the query).
"${PSQL[@]}" -d triage -c "update tickets set next_sla_alarm_at = now() + interval '1 hour'
    + random() * interval '8 hours'" -c "vacuum analyze tickets"
"${PSQL[@]}" -d triage -At -c "select 'tickets with a next SLA alarm: ' || count(*) || ' of '
    || (select count(*) from tickets) from tickets where next_sla_alarm_at is not null" \
  | tee -a "$OUT/sweep-plans-summary.txt"
sweep_plans "none due"
"${PSQL[@]}" -d triage -c "update tickets set next_sla_alarm_at = now() - interval '1 minute'
    where id in (select id from tickets where next_sla_alarm_at is not null limit 1000)"
sweep_plans "1000 due"

[ "$MEASURE" = yes ] || exit 0
echo
echo "p95 ratio ($LARGE / $SMALL tickets), p99 at $LARGE:"
awk -v small="$SMALL" -v large="$LARGE" '
  $2 == small {s[$1] = $4} $2 == large {l[$1] = $4; l99[$1] = $5; order[++n] = $1}
  END { for (i = 1; i <= n; i++) { k = order[i];
    printf "%-26s p95 %7.2f -> %7.2f ms  ratio %.2f   p99 at large %7.2f ms\n",
      k, s[k], l[k], (s[k] > 0 ? l[k] / s[k] : 0), l99[k] } }' "$OUT/summary.txt" \
  | tee "$OUT/ratios.txt"
