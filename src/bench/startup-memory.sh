#!/usr/bin/env bash
# Start-up time and resident memory of the packaged service, in JVM mode (QUALITY.md, speed bar 5,
# "Footprint": ready in under 2 s after the database is up; resident memory after a 60 s load under
# 300 MB), with the JVM options of the README's run command unless JAVA_OPTS says otherwise.
#
# It starts a scratch PostgreSQL 15 (Debian's, PGBIN, run as user postgres, fsync on) on 127.0.0.1,
# starts a private copy of the packaged service once to migrate the schema and make an agent and a
# customer, loads TICKETS tickets with read-side-data.sql, and stops the service. Then, RUNS times:
#   1. PostgreSQL is restarted, and polled with pg_isready every 5 ms: the first answer is
#      "database up" (its buffers are cold, as after a real database restart);
#   2. the service is started at once (java -jar, the run command's options), and /q/health/ready
#      is polled every 10 ms: the first 200 is "ready". Figures: ready from process start (the fork
#      of java), ready from database up (that plus the few ms between pg_isready and the fork),
#      Quarkus' own "started in" (measured inside the JVM from its main class), RSS at ready;
#   3. LOAD (60 s) of mixed load with wrk: creates (customer, 4 connections), reads of one of 2,000
#      loaded tickets at random (agent, 6 connections) and lists of 25 with three filters (agent, 6
#      connections), at once; then RSS after the load (VmRSS; also its anonymous and file-backed
#      parts and the peak VmHWM) and the rate of each kind;
#   4. SIGTERM, and the service's exit is waited for.
# Prints one line per figure and run, then the medians; raw output (service logs, wrk output,
# /proc/<pid>/status, jcmd GC.heap_info, the command line) goes to target/bench/startup-memory/.
#
# Usage: src/bench/startup-memory.sh    (build first: ./mvnw -q -DskipTests package; Java 21+)
#   JAVA_OPTS='-Xmx512m' src/bench/startup-memory.sh      another JVM command line to compare
#   APP=/path/to/quarkus-app src/bench/startup-memory.sh  another packaged application
# Settings (environment): TICKETS loaded (95000), RUNS (3), LOAD duration (60s), JAVA_OPTS (unset:
#   the README's; empty string: no options at all), APP (bootstrap/target/quarkus-app), PGBIN
#   (/usr/lib/postgresql/15/bin), PGPORT (55460), PORT (18084), JAVA_HOME.
# Needs wrk, curl, python3 (and initdb, pg_ctl, psql, pg_isready from PGBIN).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds() { # 60, 60s, 1m -> seconds
  case $1 in
    *m) echo $((${1%m} * 60)) ;;
    *s) echo "${1%s}" ;;
    *) echo "$1" ;;
  esac
}
TICKETS=${TICKETS:-95000}
RUNS=${RUNS:-3}
LOAD=$(seconds "${LOAD:-60s}")
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGPORT=${PGPORT:-55460}
PORT=${PORT:-18084}
APP=${APP:-bootstrap/target/quarkus-app}
JAVA="${JAVA_HOME:-/usr}/bin/java"
# The README's run command: the JVM settings of bootstrap/src/main/jvm/jvm.options and the AOT
# cache where it exists and this JVM can read it (a JDK without AOT caches ignores the option, and
# a JDK 25 that finds no usable cache says so and starts without it).
README_OPTS="@$PWD/bootstrap/src/main/jvm/jvm.options -XX:AOTCache=APP/app.aot"
JAVA_OPTS=${JAVA_OPTS-$README_OPTS}
OUT=target/bench/startup-memory
RAW=$OUT/raw
BASE="http://127.0.0.1:$PORT"
for tool in wrk curl python3; do
  command -v $tool >/dev/null || { echo "needs $tool (apt-get install -y wrk)" >&2; exit 1; }
done
JAVA_MAJOR=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/{print $2}')
[ "${JAVA_MAJOR:-0}" -ge 21 ] || { echo "$JAVA is Java ${JAVA_MAJOR:-?}; set JAVA_HOME to a JDK 21+" >&2; exit 1; }
[ -f "$APP/quarkus-run.jar" ] || { echo "no $APP/quarkus-run.jar: ./mvnw -q -DskipTests package first" >&2; exit 1; }
mkdir -p "$RAW"
rm -rf "${RAW:?}"/* "$OUT"/*.txt

WORK=$(mktemp -d)
chmod 755 "$WORK"
mkdir "$WORK/pg" && chown postgres "$WORK/pg"
as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }
SERVICE=""
cleanup() {
  if [ -n "$SERVICE" ]; then kill "$SERVICE" 2>/dev/null || true; wait "$SERVICE" 2>/dev/null || true; fi
  [ -f "$WORK/measure.pid" ] && kill "$(cat "$WORK/measure.pid")" 2>/dev/null || true
  as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A private copy of the packaged service, taken first, so that a rebuild meanwhile does not touch
# it. cp -a keeps the files' times: the JVM refuses an AOT cache or CDS archive whose jars changed.
cp -a "$APP" "$WORK/app"
JAVA_OPTS=${JAVA_OPTS//APP\//$WORK/app/}
read -r -a JVM_ARGS <<<"$JAVA_OPTS"
COMMAND=("$JAVA" "${JVM_ARGS[@]}" -jar "$WORK/app/quarkus-run.jar")
{
  echo "java: $("$JAVA" -version 2>&1 | head -1) ($JAVA)"
  echo "app: $APP ($(ls "$APP" | tr '\n' ' '))"
  echo "command: ${COMMAND[*]}" | sed "s#$WORK/app#APP#g"
  echo "machine: $(nproc) cores, $(free -m | awk '/^Mem:/{print $2}') MB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/setup.txt"

# ---- PostgreSQL ----------------------------------------------------------------------------------
echo "starting PostgreSQL on 127.0.0.1:$PGPORT (fsync on)"
as_postgres "$PGBIN/initdb" -D "$WORK/pg/data" -U postgres --auth=trust >"$RAW/initdb.log"
cat >>"$WORK/pg/data/postgresql.conf" <<EOF
# ---- startup-memory.sh ----
port = $PGPORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORK/pg'
fsync = on
synchronous_commit = on
shared_buffers = 256MB
max_connections = 100
max_wal_size = 4GB
EOF
as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/postgres.log" -w start >/dev/null
PSQL=("$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -X -q -v ON_ERROR_STOP=1)
"${PSQL[@]}" -c "create database triage"

export TRIAGE_DB_URL="postgresql://127.0.0.1:$PGPORT/triage" TRIAGE_DB_USER=postgres \
  TRIAGE_DB_PASSWORD=x TRIAGE_HTTP_PORT=$PORT TRIAGE_DATA_DIR="$WORK/data" \
  TRIAGE_RATE_LIMITS_ENABLED=false TRIAGE_ADMIN_EMAIL=admin@bench.triage \
  TRIAGE_ADMIN_PASSWORD=bench-admin-password TRIAGE_JWT_ACCESS_TOKEN_LIFETIME=PT4H \
  QUARKUS_LOG_CONSOLE_JSON_ENABLED=false

# ---- Set-up: schema, accounts, tickets -----------------------------------------------------------
echo "set-up: starting the service once (schema migrations, first admin)"
"${COMMAND[@]}" >"$RAW/service-setup.log" 2>&1 &
SERVICE=$!
for _ in $(seq 1 600); do
  curl -sf "$BASE/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$SERVICE" 2>/dev/null || { echo "the service exited; see $RAW/service-setup.log" >&2; exit 1; }
  sleep 0.2
done
curl -sf "$BASE/q/health/ready" >/dev/null
if grep -q '\[error\]\[aot' "$RAW/service-setup.log"; then
  echo "!!! the JVM could not use the AOT cache: $(grep -m1 '\[error\]\[aot' "$RAW/service-setup.log") !!!" |
    tee -a "$OUT/setup.txt"
fi

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
login() {
  curl -sf "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$2\"}" | json "['accessToken']"
}
ADMIN=$(login admin@bench.triage bench-admin-password)
user() {
  curl -sf "$BASE/api/v1/users" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"displayName\":\"Bench $2\",\"password\":\"a-long-bench-password\",\"role\":\"$2\"}" \
    | json "['id']"
}
AGENT_ID=$(user agent@bench.triage AGENT)
CUSTOMER_ID=$(user customer@bench.triage CUSTOMER)
kill "$SERVICE"
wait "$SERVICE" 2>/dev/null || true
SERVICE=""

if [ "$TICKETS" -gt 0 ]; then
  echo "loading $TICKETS tickets (read-side-data.sql)"
  NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  first=0
  left=$TICKETS
  while [ "$left" -gt 0 ]; do
    n=$((left < 200000 ? left : 200000))
    "${PSQL[@]}" -d triage -v first="$first" -v count="$n" -v now="$NOW" -v agent="$AGENT_ID" \
      -v customer="$CUSTOMER_ID" -f src/bench/read-side-data.sql >/dev/null
    first=$((first + n))
    left=$((left - n))
  done
  "${PSQL[@]}" -d triage -c "vacuum analyze"
fi
"${PSQL[@]}" -d triage -At -c "select 'tickets=' || count(*) from tickets" \
  -c "select 'database=' || pg_size_pretty(pg_database_size('triage'))" | tr '\n' ' ' | tee -a "$OUT/setup.txt"
echo | tee -a "$OUT/setup.txt"
"${PSQL[@]}" -d triage -At -c "select id from tickets order by random() limit 2000" >"$WORK/ids.txt"
"${PSQL[@]}" -d triage -c checkpoint

# ---- Load scripts (wrk) --------------------------------------------------------------------------
python3 - "$WORK" <<'PY'
import json, sys
work = sys.argv[1]
description = ("Every time I try to complete the checkout process the page freezes right after I "
               "enter my payment details. I tried Chrome, Firefox and Safari on a laptop and a "
               "phone with the same result, and I cleared the cache and cookies. The order "
               "reference is 78492 and the problem started about two weeks ago, after the new "
               "payment form went live. Could someone from the payments team please look into "
               "this and tell me whether I was charged twice? Thanks a lot for your help.")
create = {"title": "Checkout page freezes after entering payment details",
          "description": description, "priority": "HIGH"}
lua = lambda s: "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"
open(work + "/create.lua", "w").write(
    'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = %s\n'
    % lua(json.dumps(create)))
# One of the loaded tickets at random per request.
open(work + "/read.lua", "w").write('''local ids = {}
for line in io.lines("%s/ids.txt") do ids[#ids + 1] = line end
math.randomseed(os.time())
function request()
  return wrk.format("GET", "/api/v1/tickets/" .. ids[math.random(#ids)])
end
''' % work)
open(work + "/create.json", "w").write(json.dumps(create))
# Three common list pages, in turn.
paths = ["/api/v1/tickets?limit=25",
         "/api/v1/tickets?status=OPEN&status=IN_PROGRESS&sort=slaDueAt&limit=25",
         "/api/v1/tickets?assignee=me&sort=priority&limit=25"]
open(work + "/list-paths.json", "w").write(json.dumps(paths))
open(work + "/list.lua", "w").write('''local paths = {%s}
local n = 0
function request()
  n = n + 1
  return wrk.format("GET", paths[n %% #paths + 1])
end
''' % ", ".join('"%s"' % p for p in paths))
PY

# ---- Measured runs -------------------------------------------------------------------------------
cat >"$WORK/measure.py" <<'PY'
"""One measured run of startup-memory.sh: restart PostgreSQL, start the service, time readiness,
read its memory, put it under mixed load, read its memory again, stop it."""
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import time

work, raw, run = sys.argv[1], sys.argv[2], sys.argv[3]
command = json.loads(os.environ["COMMAND_JSON"])
pgbin, pgport, port = os.environ["PGBIN"], os.environ["PGPORT"], int(os.environ["PORT"])
load = int(os.environ["LOAD"])
LIST_PATHS = json.loads(open(work + "/list-paths.json").read())
as_pg = [] if os.geteuid() != 0 else ["runuser", "-u", "postgres", "--"]
pg_ctl = as_pg + [pgbin + "/pg_ctl", "-D", work + "/pg/data", "-l", work + "/pg/postgres.log"]


def status(pid):
    out = {}
    with open("/proc/%d/status" % pid) as f:
        text = f.read()
    for key in ("VmRSS", "VmHWM", "RssAnon", "RssFile", "RssShmem", "Threads"):
        m = re.search(r"^%s:\s+(\d+)" % key, text, re.M)
        out[key] = int(m.group(1)) if m else 0
    return out, text


def ready():
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
    try:
        c.request("GET", "/q/health/ready")
        return c.getresponse().status == 200
    except OSError:
        return False
    finally:
        c.close()


def login(email, password):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("POST", "/api/v1/auth/login", json.dumps({"email": email, "password": password}),
              {"Content-Type": "application/json"})
    r = c.getresponse()
    body = r.read()
    if r.status != 200:
        raise SystemExit("login %s answered %d: %s" % (email, r.status, body[:300]))
    return json.loads(body)["accessToken"]


# 1. PostgreSQL restarted; "database up" = the first pg_isready that succeeds.
subprocess.run(pg_ctl + ["-m", "fast", "-w", "stop"], check=True, stdout=subprocess.DEVNULL)
subprocess.run(pg_ctl + ["start"], check=True, stdout=subprocess.DEVNULL)
isready = [pgbin + "/pg_isready", "-q", "-h", "127.0.0.1", "-p", pgport, "-t", "1"]
deadline = time.monotonic() + 60
while subprocess.run(isready).returncode != 0:
    if time.monotonic() > deadline:
        raise SystemExit("PostgreSQL did not come up")
    time.sleep(0.005)
t_db = time.monotonic()

# 2. The service, started at once; "ready" = the first 200 from /q/health/ready.
log = open("%s/service-run%s.log" % (raw, run), "w")
t_spawn = time.monotonic()
service = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
with open(work + "/measure.pid", "w") as f:
    f.write(str(service.pid))
while not ready():
    if service.poll() is not None:
        raise SystemExit("the service exited with %d; see %s/service-run%s.log" % (service.returncode, raw, run))
    if time.monotonic() - t_spawn > 180:
        raise SystemExit("the service was not ready after 180 s")
    time.sleep(0.01)
t_ready = time.monotonic()
at_ready, text = status(service.pid)
open("%s/status-ready-run%s.txt" % (raw, run), "w").write(text)
started = ""
for _ in range(50):
    m = re.search(r"started in ([\d.]+)s", open("%s/service-run%s.log" % (raw, run)).read())
    if m:
        started = m.group(1)
        break
    time.sleep(0.05)

# 3. Mixed load.
agent = login("agent@bench.triage", "a-long-bench-password")
customer = login("customer@bench.triage", "a-long-bench-password")
base = "http://127.0.0.1:%d" % port
# Every kind of request once, before the load: each must answer 2xx.
with open(work + "/ids.txt") as f:
    probe_id = f.readline().strip()
probes = [("POST", "/api/v1/tickets", customer, open(work + "/create.json").read()),
          ("GET", "/api/v1/tickets/" + probe_id, agent, None)]
probes += [("GET", p, agent, None) for p in LIST_PATHS]
for method, path, token, body in probes:
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": "Bearer " + token}
    if body:
        headers["Content-Type"] = "application/json"
    c.request(method, path, body, headers)
    r = c.getresponse()
    answer = r.read()
    if r.status // 100 != 2:
        raise SystemExit("%s %s answered %d: %s" % (method, path, r.status, answer[:400]))
kinds = [("create", customer, work + "/create.lua", "/api/v1/tickets", 4),
         ("read", agent, work + "/read.lua", "/", 6),
         ("list", agent, work + "/list.lua", "/", 6)]
procs = []
for name, token, script, path, conns in kinds:
    out = open("%s/wrk-%s-run%s.txt" % (raw, name, run), "w")
    procs.append((name, out, subprocess.Popen(
        ["wrk", "-t1", "-c%d" % conns, "-d%ds" % load, "--timeout", "30s", "--latency", "-s", script,
         "-H", "Authorization: Bearer " + token, base + path], stdout=out, stderr=subprocess.STDOUT)))
rates = {}
for name, out, p in procs:
    p.wait()
    out.close()
    text = open("%s/wrk-%s-run%s.txt" % (raw, name, run)).read()
    m = re.search(r"Requests/sec:\s+([\d.]+)", text)
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    rates[name] = (float(m.group(1)) if m else 0.0, int(bad.group(1)) if bad else 0)
after, text = status(service.pid)
open("%s/status-after-load-run%s.txt" % (raw, run), "w").write(text)
jcmd = os.path.join(os.path.dirname(command[0]), "jcmd")
with open("%s/heap-after-load-run%s.txt" % (raw, run), "w") as f:
    subprocess.run([jcmd, str(service.pid), "GC.heap_info"], stdout=f, stderr=subprocess.STDOUT)
    # Where the resident memory goes, when JAVA_OPTS has -XX:NativeMemoryTracking=summary.
    subprocess.run([jcmd, str(service.pid), "VM.native_memory", "summary"], stdout=f,
                   stderr=subprocess.STDOUT)

# 4. Stop.
service.send_signal(signal.SIGTERM)
try:
    service.wait(60)
except subprocess.TimeoutExpired:
    service.kill()
    service.wait()
os.remove(work + "/measure.pid")
print(json.dumps({
    "run": int(run),
    "ready_from_start_s": round(t_ready - t_spawn, 3),
    "ready_from_db_s": round(t_ready - t_db, 3),
    "quarkus_started_s": float(started) if started else None,
    "rss_ready_mb": round(at_ready["VmRSS"] / 1024, 1),
    "rss_ready_anon_mb": round(at_ready["RssAnon"] / 1024, 1),
    "rss_ready_file_mb": round(at_ready["RssFile"] / 1024, 1),
    "rss_load_mb": round(after["VmRSS"] / 1024, 1),
    "rss_load_anon_mb": round(after["RssAnon"] / 1024, 1),
    "rss_load_file_mb": round(after["RssFile"] / 1024, 1),
    "rss_peak_mb": round(after["VmHWM"] / 1024, 1),
    "threads": after["Threads"],
    "create_rps": rates["create"][0], "read_rps": rates["read"][0], "list_rps": rates["list"][0],
    "non_2xx": sum(b for _, b in rates.values()),
}))
PY

export PGBIN PGPORT PORT LOAD COMMAND_JSON
COMMAND_JSON=$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1:]))' "${COMMAND[@]}")
: >"$OUT/runs.jsonl"
echo "$RUNS runs: PostgreSQL restart, service start, ${LOAD}s mixed load (wrk: create c4, read c6, list c6)"
for run in $(seq 1 "$RUNS"); do
  python3 "$WORK/measure.py" "$WORK" "$RAW" "$run" | tee -a "$OUT/runs.jsonl" | python3 -c '
import json, sys
r = json.loads(sys.stdin.read())
print("run %(run)d: ready %(ready_from_start_s).3f s from process start, %(ready_from_db_s).3f s from database up"
      " (Quarkus: started in %(quarkus_started_s)s); RSS %(rss_ready_mb).0f MB at ready,"
      " %(rss_load_mb).0f MB after load (anon %(rss_load_anon_mb).0f + file %(rss_load_file_mb).0f,"
      " peak %(rss_peak_mb).0f); create %(create_rps).0f, read %(read_rps).0f, list %(list_rps).0f req/s;"
      " non-2xx %(non_2xx)d" % r)'
done

python3 - "$OUT/runs.jsonl" "$OUT/summary.txt" "$LOAD" <<'PY' | tee -a "$OUT/setup.txt"
import json, statistics, sys
runs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
load = sys.argv[3]
med = lambda k: statistics.median(r[k] for r in runs if r[k] is not None)
lines = [
    ("ready from process start (fork of java to first 200 from /q/health/ready)", "ready_from_start_s", "s"),
    ("ready from database up (first pg_isready after a restart to first 200)", "ready_from_db_s", "s"),
    ("Quarkus 'started in' (inside the JVM)", "quarkus_started_s", "s"),
    ("RSS at ready", "rss_ready_mb", "MB"),
    ("RSS after %s s mixed load" % load, "rss_load_mb", "MB"),
    ("  of which anonymous (heap, metaspace, code, stacks, buffers)", "rss_load_anon_mb", "MB"),
    ("  of which file-backed (jars, AOT cache / CDS archive, libjvm)", "rss_load_file_mb", "MB"),
    ("peak RSS (VmHWM)", "rss_peak_mb", "MB"),
    ("create rate during the mixed load", "create_rps", "req/s"),
    ("read-one rate during the mixed load", "read_rps", "req/s"),
    ("list rate during the mixed load", "list_rps", "req/s"),
]
with open(sys.argv[2], "w") as out:
    print("==== medians of %d runs ====" % len(runs))
    for label, key, unit in lines:
        values = [r[key] for r in runs if r[key] is not None]
        if not values:
            continue
        line = "%-80s %9.3f %-5s (runs: %s)" % (label, med(key), unit, ", ".join(str(v) for v in values))
        print(line)
        out.write(line + "\n")
    bad = sum(r["non_2xx"] for r in runs)
    if bad:
        print("!!! %d non-2xx answers during the loads (raw/wrk-*.txt) !!!" % bad)
PY
