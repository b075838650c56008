#!/usr/bin/env bash
# Write and read throughput of one packaged replica on PostgreSQL with fsync and synchronous commit
# on, next to what PostgreSQL itself can do on the same machine:
#   - pgbench with plain-schema.sql / plain-insert.sql (a ticket INSERT plus an audit INSERT: the
#     database's ceiling for a ticket write), simple and prepared protocol;
#   - pgbench replaying the service's own create-ticket SQL, captured at run time from the running
#     service (pg_stat_statements over N creates, then the statement log of single creates), so it
#     stays true as the code changes; at full speed, and at the rate of the half-rate run below
#     (its p99 is the database's floor under the service's);
#   - wrk against the service: create a ticket (customer), read one and list a page of 25 (agent),
#     edit the title and add a public comment on a new ticket and on one with 1,000 comments;
#   - wrk against BareSelect.java, one prepared SELECT behind Vert.x with no framework: the floor
#     under "read one";
#   - the service's CPU per create, and the create p99 at half the maximum rate (requests evenly
#     spaced: one rate-limited hey client per connection, started apart; and, beside it, one hey
#     whose workers tick together, so requests arrive in bursts).
# Prints one line per figure and a summary with the ratios; raw output (wrk, hey, pgbench, the
# captured SQL, logs) goes to target/bench/throughput/, the summary also to summary.txt there.
#
# It starts a scratch PostgreSQL (Debian's, PGBIN, run as user postgres, fsync on) on 127.0.0.1 and
# a private copy of the packaged service against it (rate limits off), and removes both on exit.
# The pgbench runs come last, with the service stopped, so its relay and sweeps do not compete.
#
# Usage: src/bench/throughput.sh      (build first: ./mvnw -q -DskipTests package; Java 21+)
# Settings (environment): DURATION per measured run (20s), WARMUP before each wrk run (10s),
#   JIT_WARMUP of creates and reads of a page before the first measured run (90s), READ_WARMUP
#   of reads of one ticket and of the bare select before the first of those (40s),
#   CONNECTIONS (16, also pgbench clients), THREADS (2, also pgbench threads), CREATES for the
#   pg_stat_statements capture (200), COMMENTS on the busy ticket (1000), READ_ROUNDS (3): turns
#   of read one and bare select, each a WARMUP and a DURATION run, the median run reported; PGBIN
#   (/usr/lib/postgresql/15/bin), PGPORT (55450), PORT (18082; BareSelect uses PORT+1), JAVA_HOME,
#   SETTLE (2): seconds at the start of a pgbench run and of the spaced half-rate run whose
#   latencies are left out (connections opening; they count in the rate).
# Needs wrk, hey, curl, python3 (and pgbench, psql, pg_dump from PGBIN).
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/lib.sh
seconds() { # 20, 20s, 2m -> seconds
  case $1 in
    *m) echo $((${1%m} * 60)) ;;
    *s) echo "${1%s}" ;;
    *) echo "$1" ;;
  esac
}
DURATION=$(seconds "${DURATION:-20s}")
WARMUP=$(seconds "${WARMUP:-10s}")
JIT_WARMUP=$(seconds "${JIT_WARMUP:-90s}")
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
CREATES=${CREATES:-200}
READ_ROUNDS=${READ_ROUNDS:-3}
READ_WARMUP=$(seconds "${READ_WARMUP:-40s}")
COMMENTS=${COMMENTS:-1000}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGPORT=${PGPORT:-55450}
PORT=${PORT:-18082}
BARE_PORT=$((PORT + 1))
OUT=target/bench/throughput
RAW=$OUT/raw
BASE="http://127.0.0.1:$PORT"
for tool in wrk hey curl python3; do
  command -v $tool >/dev/null || { echo "needs $tool (apt-get install -y wrk hey)" >&2; exit 1; }
done
JAVA_MAJOR=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/{print $2}')
[ "${JAVA_MAJOR:-0}" -ge 21 ] || { echo "$JAVA is Java ${JAVA_MAJOR:-?}; set JAVA_HOME to a JDK 21+" >&2; exit 1; }
[ -f bootstrap/target/quarkus-app/quarkus-run.jar ] ||
  { echo "no bootstrap/target/quarkus-app: ./mvnw -q -DskipTests package first" >&2; exit 1; }
mkdir -p "$RAW"
rm -rf "${RAW:?}"/* "$OUT"/*.txt "$OUT"/*.tsv* "$OUT"/create*

new_work_dir
SERVICE=""
BARE=""
stop_service() {
  if [ -n "$SERVICE" ]; then
    kill "$SERVICE" 2>/dev/null || true
    wait "$SERVICE" 2>/dev/null || true
    SERVICE=""
  fi
}
cleanup() {
  [ -n "$BARE" ] && { kill "$BARE" 2>/dev/null; wait "$BARE" 2>/dev/null; } || true
  stop_service
  if [ -f "$WORK/pg/data/postmaster.pid" ]; then
    as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  cp "$WORK"/pg/data/log/postgresql.log "$WORK"/pg/data/log/postgresql.json "$RAW"/ 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# A private copy of the packaged service, taken first, so a rebuild meanwhile does not touch it.
cp -r bootstrap/target/quarkus-app "$WORK/app"
mv "$WORK/app/quarkus-run.jar" "$WORK/app/triage-throughput-bench.jar"
export RESULTS=$OUT/results.tsv
export SETTLE=${SETTLE:-2}
: >"$RESULTS"
: >"$RESULTS.extra"

# ---- Helpers (Python: output parsers, the create-SQL capture, the summary) -----------------------
cat >"$WORK/bench.py" <<'PY'
"""Helpers of throughput.sh: output parsers, the create-SQL capture and the summary."""
import csv
import glob
import json
import os
import re
import subprocess
import sys

RESULTS = os.environ.get("RESULTS", "results.tsv")
SETTLE = float(os.environ.get("SETTLE", "2"))


def ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def pct(sorted_values, p):
    if not sorted_values:
        return float("nan")
    k = max(0, min(len(sorted_values) - 1, int(round(p / 100.0 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def record(name, unit, rate, avg, p50, p99, requests, errors, note=""):
    with open(RESULTS, "a") as f:
        f.write("\t".join([name, unit, "%.2f" % rate, "%.3f" % avg, "%.3f" % p50, "%.3f" % p99,
                           str(requests), str(errors), note]) + "\n")
    line = "%-28s %9.1f %-5s avg %8.2f ms  p50 %8.2f ms  p99 %8.2f ms  (%d %s)" % (
        name, rate, unit, avg, p50, p99, requests, "tx" if unit == "tx/s" else "requests")
    if errors:
        line += "  !!! %d ERRORS: %s !!!" % (errors, note)
    print(line, flush=True)


def wrk(name, path):
    text = open(path).read()
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    m = re.search(r"^\s+Latency\s+([\d.]+)(us|ms|s)\s", text, re.M)
    avg = ms(m.group(1), m.group(2)) if m else float("nan")

    def lat(p):
        m = re.search(r"^\s+%d%%\s+([\d.]+)(us|ms|s)\s*$" % p, text, re.M)
        return ms(m.group(1), m.group(2)) if m else float("nan")

    m = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    non2xx = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    sock = sum(int(x) for x in m.groups()) if m else 0
    notes = []
    if non2xx:
        notes.append("%d non-2xx responses" % non2xx)
    if sock:
        notes.append("socket errors: " + m.group(0).split(": ", 1)[1])
    record(name, "req/s", rate, avg, lat(50), lat(99), requests, non2xx + sock, "; ".join(notes))


def hey(name, path):
    text = open(path).read()
    m = re.search(r"Requests/sec:\s+([\d.]+)", text)
    rate = float(m.group(1)) if m else 0.0

    def lat(p):
        m = re.search(r"^\s+%d%% in ([\d.]+) secs" % p, text, re.M)
        if m and float(m.group(1)) > 0:
            return float(m.group(1)) * 1000
        # hey leaves out a percentile it has too few samples for (under 100): the slowest then.
        m = re.search(r"Slowest:\s+([\d.]+) secs", text)
        return float(m.group(1)) * 1000 if m else float("nan")

    m = re.search(r"Average:\s+([\d.]+) secs", text)
    avg = float(m.group(1)) * 1000 if m else float("nan")
    codes = re.findall(r"^\s+\[(\d+)\]\s+(\d+) responses", text, re.M)
    total = sum(int(n) for _, n in codes)
    bad = sum(int(n) for c, n in codes if not c.startswith("2"))
    errs = re.search(r"Error distribution:\n((?:\s+\[\d+\].*\n?)*)", text)
    nerr = sum(int(x) for x in re.findall(r"^\s+\[(\d+)\]", errs.group(1), re.M)) if errs else 0
    note = []
    if bad:
        note.append("%d non-2xx responses" % bad)
    if nerr:
        note.append("%d client errors" % nerr)
    record(name, "req/s", rate, avg, lat(50), lat(99), total, bad + nerr, "; ".join(note))


def spaced(name, prefix, seconds):
    """Runs of hey -c 1 -o csv started a fraction of an interval apart (prefix.N.csv)."""
    lats, bad, total = [], 0, 0
    for f in sorted(glob.glob(prefix + ".*.csv")):
        for row in list(csv.reader(open(f)))[1:]:
            if len(row) < 7:
                continue
            total += 1
            # The first SETTLE seconds (connections opening) count in the rate, not the latencies.
            if len(row) >= 8 and float(row[7]) < SETTLE:
                continue
            lats.append(float(row[0]) * 1000)
            if not row[6].startswith("2"):
                bad += 1
    lats.sort()

    def pct(p):
        return lats[min(len(lats) - 1, int(len(lats) * p / 100))] if lats else float("nan")

    avg = sum(lats) / len(lats) if lats else float("nan")
    note = "%d non-2xx responses" % bad if bad else ""
    record(name, "req/s", total / float(seconds), avg, pct(50), pct(99), total, bad, note)


def pgbench(name, path, log_prefix):
    text = open(path).read()
    m = re.search(r"^tps = ([\d.]+)", text, re.M)
    rate = float(m.group(1)) if m else 0.0
    m = re.search(r"number of failed transactions: (\d+)", text)
    failed = int(m.group(1)) if m else 0
    aborted = len(re.findall(r"client \d+ aborted", text))
    timed = []
    for f in glob.glob(log_prefix + ".*"):
        with open(f) as fh:
            for line in fh:
                parts = line.split()
                if len(parts) >= 6 and parts[2].isdigit():
                    # With --rate, the wait behind the schedule (the 7th field) counts too: a
                    # client would see it.
                    lag = int(parts[6]) if len(parts) >= 7 and parts[6].isdigit() else 0
                    ended = int(parts[4]) + int(parts[5]) / 1e6
                    timed.append((ended, (int(parts[2]) + lag) / 1000.0))
    # Latencies leave out the first SETTLE seconds, as for the service's spaced run: pgbench opens
    # its connections when it starts, and a new backend's first transactions build its caches
    # (the tickets table's columns, constraints and indexes), which the service's long-lived
    # connections did long before.
    start = min((t for t, _ in timed), default=0)
    lats = sorted(l for t, l in timed if t - start >= SETTLE)
    m = re.search(r"latency average = ([\d.]+) ms", text)
    avg = float(m.group(1)) if m else float("nan")
    note = ""
    errors = failed + aborted
    if failed:
        note = "%d failed transactions" % failed
    if aborted:
        note = "%d clients aborted %s" % (aborted, note)
    if rate == 0.0:
        errors = max(errors, 1)
        note = "no tps figure (see %s) %s" % (path, note)
    m = re.search(r"number of transactions actually processed: (\d+)", text)
    done = int(m.group(1)) if m else len(lats)
    record(name, "tx/s", rate, avg, pct(lats, 50), pct(lats, 99), done, errors, note.strip())


# ---- The create SQL ----------------------------------------------------------------------------

UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
STMT = re.compile(r"^duration: [\d.]+ ms\s+(?:execute [^:]*|statement): (.*)$", re.S)
BEGIN = re.compile(r"^\s*(begin|start\s+transaction)\b", re.I)
END = re.compile(r"^\s*(commit|end|rollback|abort)\b", re.I)
NOISE = re.compile(r"^\s*(set|show|reset|discard|deallocate|listen|unlisten)\b"
                   r"|^\s*select\s+(1|version\(\)|current_schema\(\)|pg_backend_pid\(\))\s*;?\s*$",
                   re.I)
NEXTVAL = re.compile(r"^\s*select\b.*\bnextval\s*\(\s*'([^']+)'", re.I | re.S)
NAME_CHAR = re.compile(r"[A-Za-z0-9_]")


def parse_params(detail):
    if not detail or not detail.startswith("parameters: "):
        return {}
    s, i, out = detail[len("parameters: "):], 0, {}
    while i < len(s):
        m = re.compile(r"\$(\d+) = ").match(s, i)
        if not m:
            break
        n, i = int(m.group(1)), m.end()
        if s.startswith("NULL", i):
            out[n], i = None, i + 4
        else:
            assert s[i] == "'", s[i:i + 20]
            j, buf = i + 1, []
            while True:
                k = s.index("'", j)
                buf.append(s[j:k])
                if k + 1 < len(s) and s[k + 1] == "'":
                    buf.append("'")
                    j = k + 2
                else:
                    i = k + 1
                    break
            out[n] = "".join(buf)
        if s.startswith(", ", i):
            i += 2
    return out


def replace_params(sql, fn):
    """Replaces $n outside literals, quoted identifiers, dollar quotes and comments with fn(n)."""
    out, i, n = [], 0, len(sql)
    while i < n:
        c = sql[i]
        if c == "'" or c == '"':
            j = i + 1
            while j < n:
                if sql[j] == c:
                    if j + 1 < n and sql[j + 1] == c:
                        j += 2
                        continue
                    break
                j += 1
            out.append(sql[i:j + 1])
            i = j + 1
        elif sql.startswith("--", i):
            j = sql.find("\n", i)
            j = n if j < 0 else j
            out.append(sql[i:j])
            i = j
        elif sql.startswith("/*", i):
            j = sql.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(sql[i:j])
            i = j
        elif c == "$":
            m = re.compile(r"\$(\d+)").match(sql, i)
            prev = sql[i - 1] if i else " "
            if m and not NAME_CHAR.match(prev):
                out.append(fn(int(m.group(1))))
                i = m.end()
                continue
            m = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)?\$").match(sql, i)
            if m and not NAME_CHAR.match(prev):
                j = sql.find(m.group(0), m.end())
                j = n if j < 0 else j + len(m.group(0))
                out.append(sql[i:j])
                i = j
                continue
            out.append(c)
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def quote(v):
    return "NULL" if v is None else "'" + v.replace("'", "''") + "'"


def psql_run(script):
    cmd = os.environ["PSQL_TRIAGE"].split("\x1f")
    return subprocess.run(cmd, input=script, capture_output=True, text=True)


def capture(log_path, pss_path, n_creates, dump_path, captures_path, seqs_path, out_dir):
    report = []

    def say(line=""):
        report.append(line)

    # pg_stat_statements over the N sequential creates
    pss = {}
    rows = []
    for line in open(pss_path):
        parts = line.rstrip("\n").split("\t", 3)
        if len(parts) < 4:
            continue
        qid, calls, top, query = parts
        rows.append((int(calls), top, qid, query))
        if top == "t":
            pss[qid] = pss.get(qid, 0) + int(calls)
    rows.sort(key=lambda r: -r[0])
    say("pg_stat_statements over %d sequential creates (everything the database ran meanwhile:"
        " the creates, the outbox relay, the live feed, the webhook sender, sweeps;"
        " nested = run inside a trigger or function):" % n_creates)
    say("%10s %9s  %-6s %s" % ("calls", "/create", "level", "statement"))
    for calls, top, qid, query in rows:
        say("%10d %9.2f  %-6s %s" % (calls, calls / n_creates, "top" if top == "t" else "nested",
                                     query[:220]))
    say()

    captures = []
    for line in open(captures_path):
        k, ticket = line.split()
        captures.append((k, ticket.lower()))
    seqs = {}
    for line in open(seqs_path):
        k, name, base, inc, after = line.split("\t")
        seqs.setdefault(k, []).append((name, int(base), int(inc), int(after)))

    entries = []
    with open(log_path) as f:
        for line in f:
            try:
                e = json.loads(line)
            except ValueError:
                continue
            msg = e.get("message", "")
            m = STMT.match(msg)
            if not m:
                continue
            entries.append({"pid": e.get("pid"), "qid": str(e.get("query_id", 0)),
                            "app": e.get("application_name", ""), "sql": m.group(1),
                            "params": parse_params(e.get("detail"))})

    def mentions(e, ticket):
        return ticket in e["sql"].lower() or any(
            v is not None and ticket in v.lower() for v in e["params"].values())

    picked = []
    for k, ticket in captures:
        starts = [i for i, e in enumerate(entries) if "triage-bench-capture-start-" + k in e["sql"]]
        ends = [i for i, e in enumerate(entries) if "triage-bench-capture-end-" + k in e["sql"]]
        if not starts or not ends:
            say("capture %s: markers not found in the log" % k)
            continue
        marker_pids = {entries[starts[0]]["pid"], entries[ends[0]]["pid"]}
        window = [e for e in entries[starts[0] + 1:ends[0]]
                  if e["pid"] not in marker_pids and e["app"] not in ("psql", "pg_dump")]
        hit = next((i for i, e in enumerate(window) if mentions(e, ticket)), None)
        if hit is None:
            say("capture %s: no statement names ticket %s" % (k, ticket))
            continue
        pid = window[hit]["pid"]
        # Transaction blocks per backend, to tell the create's own transaction from others.
        depth, block_of, block_id = {}, {}, 0
        for i, e in enumerate(window):
            p = e["pid"]
            if BEGIN.match(e["sql"]):
                block_id += 1
                depth[p] = block_id
                block_of[i] = block_id
            elif END.match(e["sql"]):
                block_of[i] = depth.get(p, 0)
                depth[p] = 0
            else:
                block_of[i] = depth.get(p, 0)
        mine = block_of[hit]
        if mine:
            first = min(i for i in block_of if block_of[i] == mine)
            last = max(i for i in block_of if block_of[i] == mine)
        else:
            first = hit
            last = max(i for i, e in enumerate(window) if e["pid"] == pid and mentions(e, ticket))
        chosen = []
        for i, e in enumerate(window[:last + 1]):
            if first <= i <= last:
                if e["pid"] == pid and (block_of[i] == mine or not mine):
                    chosen.append(e)
                elif block_of[i] == 0 and NEXTVAL.match(e["sql"]):
                    # The ticket number, taken on another pooled connection outside any
                    # transaction while the create's transaction is open: part of the create.
                    chosen.append(e)
            elif i < first and block_of[i] == 0:
                # Before the transaction, outside any other transaction: per-request statements
                # (the caller's lookup) on the same or another pooled connection.
                chosen.append(e)
        kept, dropped = [], []
        for e in chosen:
            control = BEGIN.match(e["sql"]) or END.match(e["sql"])
            ratio = pss.get(e["qid"], 0) / float(n_creates)
            if NOISE.match(e["sql"]):
                dropped.append((e, "session noise"))
            elif control:
                kept.append(e)
            elif ratio < 0.9:
                dropped.append((e, "%.2f calls per create in pg_stat_statements" % ratio))
            else:
                kept.append(e)
        picked.append((k, ticket, kept, dropped))

    if not picked:
        raise SystemExit("no capture of the create SQL could be read from the log")
    signatures = [tuple(e["qid"] + ":" + e["sql"][:60] for e in kept) for _, _, kept, _ in picked]
    best = max(set(signatures), key=lambda s: (signatures.count(s), -signatures.index(s)))
    k, ticket, kept, dropped = picked[signatures.index(best)]
    say("Logged creates: %d; the same statement sequence in %d of them; replaying capture %s"
        " (ticket %s)." % (len(picked), signatures.count(best), k, ticket))
    for kk, _, kept_k, dropped_k in picked:
        say("  capture %s: %d statements kept, %d dropped%s" % (
            kk, len(kept_k), len(dropped_k),
            "" if tuple(e["qid"] + ":" + e["sql"][:60] for e in kept_k) == best else " (differs)"))
        for e, why in dropped_k:
            say("    dropped: %s  [%s]" % (re.sub(r"\s+", " ", e["sql"])[:160], why))
    say()

    # Values that are new per create: UUIDs not in the database before the create, and the
    # values the create's nextval() calls returned.
    dump = open(dump_path).read().lower()
    fresh, order = {}, []
    for e in kept:
        texts = [e["sql"]] + [v for v in e["params"].values() if v is not None]
        for t in texts:
            for u in UUID.findall(t):
                u = u.lower()
                if u not in fresh and u not in dump:
                    fresh[u] = "bench_u%d" % (len(order) + 1)
                    order.append(u)
    seqvals = {}  # value string -> variable
    gsets = {}  # statement index -> prefix
    used = {}
    for i, e in enumerate(kept):
        m = NEXTVAL.match(e["sql"])
        if not m:
            continue
        seqname = m.group(1)
        info = [s for s in seqs.get(k, []) if s[0] == seqname or s[0].split(".")[-1] == seqname]
        if not info:
            say("note: %s is not a sequence this script knows; its value is replayed as logged"
                % seqname)
            continue
        name, base, inc, after = info[0]
        j = used.get(name, 0) + 1
        used[name] = j
        value = base + inc * j
        probe = psql_run(e["sql"].rstrip().rstrip(";") + " \\gdesc\n")
        cols = [ln.split("|")[0] for ln in probe.stdout.strip().splitlines() if "|" in ln]
        if probe.returncode != 0 or len(cols) != 1:
            say("note: could not describe %r (%s); its value is replayed as logged"
                % (e["sql"], probe.stderr.strip()))
            continue
        prefix = "bench_s%d_" % (i + 1)
        gsets[i] = prefix
        seqvals[str(value)] = prefix + cols[0]
    say("New per create (fresh in every replayed transaction):")
    for u in order:
        say("  %s -> :%s (%s)" % (u, fresh[u], "time-ordered, version 7" if u[14] == "7"
                                  else "random, version 4"))
    for v, var in seqvals.items():
        say("  sequence value %s -> :%s (the replay's own nextval)" % (v, var))
    say()

    def pieces(text):
        """Splits a value into constant text and variables (fresh UUIDs, sequence values)."""
        pats = [re.escape(u) for u in order] + [r"(?<![0-9])0*%s(?![0-9])" % re.escape(v)
                                                for v in seqvals]
        if not pats:
            return [("const", text)]
        rx = re.compile("|".join("(%s)" % p for p in pats), re.I)
        out, pos = [], 0
        for m in rx.finditer(text):
            if m.start() > pos:
                out.append(("const", text[pos:m.start()]))
            tok = m.group(0).lower()
            var = fresh.get(tok) or seqvals.get(tok.lstrip("0") or "0")
            out.append(("var", var))
            pos = m.end()
        if pos < len(text):
            out.append(("const", text[pos:]))
        return out

    def simple_text(text):
        out = []
        ps = pieces(text)
        for idx, (kind, v) in enumerate(ps):
            if kind == "var":
                nxt = ps[idx + 1][1] if idx + 1 < len(ps) else ""
                if nxt and NAME_CHAR.match(nxt[0]):
                    raise SystemExit("a fresh value is followed by %r: cannot name it" % nxt[:10])
                out.append(":" + v)
            else:
                out.append(v)
        return "".join(out)

    def uuid_expr(u, var):
        if u[14] == "7":
            return ("substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(%s, 16, 3) || '-'"
                    " || substr(%s, 20, 4) || '-' || substr(%s, 25, 12) as %s"
                    % (("r_" + var,) * 3 + (var,)))
        return "r_%s as %s" % (var, var)

    # The ids are drawn by the select of the first nextval() the create makes (a round trip the
    # service makes too), or, with none, by a select of their own (one round trip more).
    head, merged = [], None
    if order:
        inner = ", ".join("gen_random_uuid()::text as r_%s" % fresh[u] for u in order)
        ids = ", ".join(uuid_expr(u, fresh[u]) for u in order)
        source = ("(select lpad(to_hex((extract(epoch from clock_timestamp()) * 1000)::bigint), 12,"
                  " '0') as h, %s) as fresh" % inner)
        first = min(gsets) if gsets else None
        if first is not None and re.match(r"(?is)^\s*select\s+nextval\([^)]*\)\s*;?\s*$",
                                          kept[first]["sql"]):
            body = re.sub(r"(?is)^\s*select\s+", "", kept[first]["sql"]).rstrip().rstrip(";")
            merged = (first, "select %s, %s from %s" % (body, ids, source))
            for u in order:
                fresh[u] = gsets[first] + fresh[u]
        else:
            head.append("select %s from %s \\gset" % (ids, source))

    # Simple protocol: every parameter inlined as a literal.
    simple = list(head)
    listing = []
    for i, e in enumerate(kept):
        p = e["params"]
        sql = replace_params(e["sql"], lambda n: quote(p.get(n)) if n in p else "$%d" % n)
        if merged and merged[0] == i:
            sql = merged[1]
        sql = simple_text(sql).rstrip().rstrip(";")
        simple.append(sql + (" \\gset " + gsets[i] if i in gsets else ";"))
        listing.append(e)

    # Prepared: every parameter a pgbench variable (constants via -D), like the service's binds.
    prepared, defines, prepared_ok = list(head), [], True
    types = {}
    probes = []
    for i, e in enumerate(kept):
        if e["params"]:
            probes.append("prepare bench_probe_%d as %s;\nselect 'bench_probe_%d|' || "
                          "parameter_types::text from pg_prepared_statements where name = "
                          "'bench_probe_%d';\n" % (i, e["sql"].rstrip().rstrip(";"), i, i))
    if probes:
        res = psql_run("\\set ON_ERROR_STOP 0\n" + "".join(probes))
        for ln in res.stdout.splitlines():
            m = re.match(r"bench_probe_(\d+)\|\{(.*)\}$", ln.strip())
            if m:
                types[int(m.group(1))] = [t.strip('"') for t in m.group(2).split(",")] \
                    if m.group(2) else []
    for i, e in enumerate(kept):
        p = e["params"]
        if any(kind == "var" for kind, _ in pieces(e["sql"])):
            prepared_ok = False
        ts = types.get(i, [])

        def bind(n, i=i, p=p, ts=ts):
            if n not in p:
                return "$%d" % n
            v = p[n]
            if v is None:
                return "NULL"
            ps = pieces(v)
            if len(ps) == 1 and ps[0][0] == "var":
                return ":" + ps[0][1]
            if len(ps) == 1:
                name = "c_%d_%d" % (i + 1, n)
                defines.append((name, v))
                return ":" + name
            args = []
            for j, (kind, x) in enumerate(ps):
                if kind == "var":
                    args.append(":%s::text" % x)
                else:
                    name = "c_%d_%d_%d" % (i + 1, n, j)
                    defines.append((name, x))
                    args.append(":%s::text" % name)
            typ = ts[n - 1] if n - 1 < len(ts) and ts[n - 1] not in ("unknown", "") else "text"
            return "cast(concat(%s) as %s)" % (", ".join(args), typ)

        sql = merged[1] if merged and merged[0] == i else e["sql"]
        sql = replace_params(sql, bind).rstrip().rstrip(";")
        prepared.append(sql + (" \\gset " + gsets[i] if i in gsets else ";"))

    header = ["-- Triage's create-ticket SQL, captured from the running service by throughput.sh:",
              "-- the statements of one POST /api/v1/tickets, in order, with the logged values;",
              "-- fresh ids and the ticket number are new in every transaction (drawn by the",
              "-- select of the create's nextval, or without one by a select of their own)."]
    with open(os.path.join(out_dir, "create.sql"), "w") as f:
        f.write("\n".join(header + simple) + "\n")
    with open(os.path.join(out_dir, "create-prepared.sql"), "w") as f:
        f.write("\n".join(header + ["-- Constants come as pgbench variables"
                                    " (create-prepared.args, one -D per line pair)."]
                          + prepared) + "\n")
    with open(os.path.join(out_dir, "create-prepared.args"), "wb") as f:
        for name, v in defines:
            f.write(b"-D\0" + ("%s=%s" % (name, v)).encode() + b"\0")
    with open(os.path.join(out_dir, "create-prepared.ok"), "w") as f:
        f.write("yes\n" if prepared_ok else "no\n")
    say("Replayed statements (%d), as the service ran them (%s):" % (
        len(listing), "calls per create from pg_stat_statements"))
    for e in listing:
        ratio = pss.get(e["qid"], 0) / float(n_creates)
        control = BEGIN.match(e["sql"]) or END.match(e["sql"])
        one = re.sub(r"\s+", " ", e["sql"]).strip()
        say("  %-9s %s%s" % ("" if control else "%.2f/cr" % ratio,
                             one[:200] + ("..." if len(one) > 200 else ""),
                             "  [%d parameters]" % len(e["params"]) if e["params"] else ""))
    with open(os.path.join(out_dir, "create-sql.txt"), "w") as f:
        f.write("\n".join(report) + "\n")
    print("\n".join(report))


# ---- Summary -----------------------------------------------------------------------------------

def median(name, rounds):
    """Records the run of "name (1)".."name (rounds)" with the median rate again as "name"."""
    runs = []
    for line in open(RESULTS):
        parts = line.rstrip("\n").split("\t")
        if re.fullmatch(re.escape(name) + r" \(\d+\)", parts[0]):
            runs.append(parts)
    if not runs:
        raise SystemExit("no runs of " + name)
    runs.sort(key=lambda p: float(p[2]))
    m = runs[(len(runs) - 1) // 2]
    note = "median of %d runs (%s req/s)" % (len(runs), ", ".join(p[2] for p in runs))
    if m[8]:
        note = m[8] + "; " + note
    record(name, m[1], float(m[2]), float(m[3]), float(m[4]), float(m[5]), int(m[6]), int(m[7]),
           note)


def summary(results_path, out_path):
    rows = {}
    order = []
    for line in open(results_path):
        parts = line.rstrip("\n").split("\t")
        name, unit, rate, avg, p50, p99, requests, errors, note = (parts + [""] * 9)[:9]
        rows[name] = dict(unit=unit, rate=float(rate), avg=float(avg), p50=float(p50),
                          p99=float(p99),
                          requests=int(requests), errors=int(errors), note=note)
        order.append(name)
    extra = {}
    for line in open(results_path + ".extra") if os.path.exists(results_path + ".extra") else []:
        k, v = line.rstrip("\n").split("\t", 1)
        extra[k] = v
    out = []
    out.append("%-28s %10s %-5s %9s %9s %9s" % ("figure", "rate", "", "avg ms", "p50 ms",
                                                "p99 ms"))
    for name in order:
        r = rows[name]
        flag = "   !!! %d errors: %s" % (r["errors"], r["note"]) if r["errors"] else ""
        out.append("%-28s %10.1f %-5s %9.2f %9.2f %9.2f%s" % (
            name, r["rate"], r["unit"], r["avg"], r["p50"], r["p99"], flag))
    out.append("")

    def ratio(label, a, b, field="rate"):
        if a in rows and b in rows and rows[b][field] > 0:
            out.append("%-58s %8.3f" % (label, rows[a][field] / rows[b][field]))
        else:
            out.append("%-58s %8s" % (label, "n/a"))

    ratio("create / pgbench create SQL (simple)", "create", "pgbench create SQL simple")
    ratio("create / pgbench create SQL (prepared)", "create", "pgbench create SQL prepared")
    ratio("pgbench create SQL / plain insert (simple)", "pgbench create SQL simple",
          "pgbench plain simple")
    ratio("pgbench create SQL / plain insert (prepared)", "pgbench create SQL prepared",
          "pgbench plain prepared")
    ratio("create / plain insert (simple)", "create", "pgbench plain simple")
    ratio("create p99 at half rate, spaced / pgbench create SQL at half rate p99",
          "create at half rate", "pgbench create SQL at half rate", "p99")
    # Read one against the bare select: each turn's two runs follow each other, so each turn's
    # ratio is taken on its own and the median of those is the figure (the median runs of the
    # two may come from different minutes of a drifting machine).
    def turns(label, field):
        pairs = []
        k = 1
        while ("read one (%d)" % k) in rows and ("bare select (%d)" % k) in rows:
            b = rows["bare select (%d)" % k][field]
            if b > 0:
                pairs.append(rows["read one (%d)" % k][field] / b)
            k += 1
        if pairs:
            ordered = sorted(pairs)
            out.append("%-58s %8.3f  (turns: %s)" % (label, ordered[(len(ordered) - 1) // 2],
                                                      ", ".join("%.3f" % p for p in pairs)))
        else:
            ratio(label, "read one", "bare select", field)

    turns("read one / bare select (rate)", "rate")
    turns("read one / bare select (p50)", "p50")
    ratio("comment, 1000 comments / new ticket (rate)", "comment 1000 comments",
          "comment new ticket")
    ratio("comment, 1000 comments / new ticket (p50)", "comment 1000 comments",
          "comment new ticket", "p50")
    ratio("edit title, 1000 comments / new ticket (rate)", "edit title 1000 comments",
          "edit title new ticket")
    ratio("edit title, 1000 comments / new ticket (p50)", "edit title 1000 comments",
          "edit title new ticket", "p50")
    for k, v in extra.items():
        out.append("%-58s %8s" % (k, v))
    bad = [n for n in order if rows[n]["errors"]]
    if bad:
        out.append("")
        out.append("!!! ERRORS in: %s (see the raw output) !!!" % ", ".join(bad))
    text = "\n".join(out) + "\n"
    open(out_path, "w").write(text)
    print(text, end="")


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "wrk":
        wrk(sys.argv[2], sys.argv[3])
    elif cmd == "hey":
        hey(sys.argv[2], sys.argv[3])
    elif cmd == "spaced":
        spaced(sys.argv[2], sys.argv[3], sys.argv[4])
    elif cmd == "pgbench":
        pgbench(sys.argv[2], sys.argv[3], sys.argv[4])
    elif cmd == "capture":
        capture(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], sys.argv[6],
                sys.argv[7], sys.argv[8])
    elif cmd == "median":
        median(sys.argv[2], int(sys.argv[3]))
    elif cmd == "summary":
        summary(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit("unknown command " + cmd)
PY
bench() { python3 "$WORK/bench.py" "$@"; }

# ---- PostgreSQL ----------------------------------------------------------------------------------
echo "starting PostgreSQL on 127.0.0.1:$PGPORT (fsync on, synchronous_commit on)"
as_postgres "$PGBIN/initdb" -D "$WORK/pg/data" -U postgres --auth=trust >"$RAW/initdb.log"
cat >>"$WORK/pg/data/postgresql.conf" <<EOF
# ---- throughput.sh ----
port = $PGPORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORK/pg'
fsync = on
synchronous_commit = on
full_page_writes = on
shared_buffers = 512MB
max_connections = 100
shared_preload_libraries = 'pg_stat_statements'
compute_query_id = on
pg_stat_statements.track = all
logging_collector = on
log_destination = 'stderr,jsonlog'
log_directory = 'log'
log_filename = 'postgresql.log'
log_rotation_age = 0
log_rotation_size = 0
log_line_prefix = '%m [%p] %x '
log_parameter_max_length = -1
EOF
as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/startup.log" -w start >/dev/null
PSQL=("$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -X -q -v ON_ERROR_STOP=1)
PGBENCH=("$PGBIN/pgbench" -h 127.0.0.1 -p "$PGPORT" -U postgres)
"${PSQL[@]}" -c "create database triage" -c "create database plain"
"${PSQL[@]}" -d triage -c "create extension pg_stat_statements"
"${PSQL[@]}" -d plain -f src/bench/plain-schema.sql
"${PSQL[@]}" -At -c "select name || ' = ' || setting from pg_settings where name in ('fsync',
  'synchronous_commit', 'full_page_writes', 'shared_buffers', 'max_connections', 'wal_level',
  'max_wal_size', 'server_version')" | tee "$RAW/postgresql-settings.txt" | tr '\n' ' '
echo
export PSQL_TRIAGE
PSQL_TRIAGE=$(printf '%s\x1f' "${PSQL[@]}" -A -t -d triage)
PSQL_TRIAGE=${PSQL_TRIAGE%$'\x1f'}

# ---- The service ---------------------------------------------------------------------------------
# The JVM settings of the README's run command (jvm.options), as deployed; JAVA_OPTS replaces them
# (JAVA_OPTS= for the JVM's own defaults).
SERVICE_JAVA_OPTS=${JAVA_OPTS-@$PWD/bootstrap/src/main/jvm/jvm.options}
echo "starting the service on 127.0.0.1:$PORT (JVM options: ${SERVICE_JAVA_OPTS:-none})"
start_service "$WORK/app/triage-throughput-bench.jar" "$RAW/service.log"

ADMIN=$(login admin@bench.triage bench-admin-password)
user agent@bench.triage AGENT >/dev/null
user customer@bench.triage CUSTOMER >/dev/null
AGENT=$(login agent@bench.triage a-long-bench-password)
CUSTOMER=$(login customer@bench.triage a-long-bench-password)

# Request bodies: a ~500-byte description, like plain-insert.sql's ticket.
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
comment = {"body": "Thanks for the details. We are looking into the payment form and will get "
                   "back to you as soon as we know more.", "internal": False}
open(work + "/create.json", "w").write(json.dumps(create))
open(work + "/comment.json", "w").write(json.dumps(comment))
lua = lambda s: "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"
open(work + "/create.lua", "w").write(
    'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = %s\n'
    % lua(json.dumps(create)))
open(work + "/comment.lua", "w").write(
    'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = %s\n'
    % lua(json.dumps(comment)))
# A new title on every request (a thread number and a counter), so every edit changes the ticket.
open(work + "/edit.lua", "w").write('''wrk.method = "PATCH"
wrk.headers["Content-Type"] = "application/json"
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  n = 0
end
function request()
  n = n + 1
  return wrk.format(nil, nil, nil, '{"title":"Checkout page freezes, edit ' .. tid .. '-' .. n .. '"}')
end
''')
PY
echo "  create body: $(wc -c <"$WORK/create.json") bytes ($(json "['description'].__len__()" <"$WORK/create.json")-character description)"

new_ticket() { # -> id of a new ticket of the customer's
  curl -sf "$BASE/api/v1/tickets" -H "Authorization: Bearer $CUSTOMER" \
    -H 'Content-Type: application/json' --data-binary @"$WORK/create.json" | json "['id']"
}
# One request as a scenario makes it, before its load: must be 2xx.
probe() { # name method url token [body file]
  local name=$1 method=$2 url=$3 token=$4 body=${5:-} status
  local args=(-s -o "$RAW/$name-probe.txt" -w '%{http_code}' -X "$method" "$url")
  [ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data-binary @"$body")
  status=$(curl "${args[@]}")
  if [ "${status:0:1}" != 2 ]; then
    echo "!!! $name: a single $method $url answered $status: $(head -c 400 "$RAW/$name-probe.txt") !!!"
  fi
}
slug() { echo "$1" | tr ' /()' '----' | tr -s '-' | sed 's/-$//'; }
run_wrk() { # name token url lua warm-up-url
  local name=$1 token=$2 url=$3 lua=$4 warm=$5 s
  s=$(slug "$name")
  local args=(-t"$THREADS" -c"$CONNECTIONS" --latency --timeout 30s)
  [ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
  [ -n "$lua" ] && args+=(-s "$lua")
  if [ "$WARMUP" -gt 0 ]; then
    wrk "${args[@]}" -d"${WARMUP}s" "$warm" >"$RAW/$s-warmup.txt"
  fi
  # Every run starts from the same state: dead row versions and a long GIN pending list left by
  # the run before (thousands of updates of one ticket) are not this run's cost.
  "${PSQL[@]}" -d triage -c "vacuum analyze tickets, ticket_comments" >/dev/null
  wrk "${args[@]}" -d"${DURATION}s" "$url" >"$RAW/$s.txt"
  bench wrk "$name" "$RAW/$s.txt"
}
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$SERVICE/stat"; }

# ---- The service's create SQL --------------------------------------------------------------------
# 1. pg_stat_statements over CREATES sequential creates: what runs, how often per create.
# 2. The statement log (with parameters) of 3 single creates, each between two marker statements:
#    the create's transaction is the one on the backend that wrote the new ticket's id; the
#    statements the request ran before it on the pool (the caller's lookup) count too. Other
#    connections (outbox relay, live feed, webhook sender, sweeps) and other transactions are left
#    out; so is a statement pg_stat_statements saw less than once per create. The sequence the
#    captures agree on is replayed.
# 3. create.sql: that sequence with the logged values inlined (simple protocol), the new ids
#    (UUIDs absent from the database before the create) fresh per transaction, the sequence values
#    taken by the replay's own nextval(); create-prepared.sql: the same with every value bound.
echo "capturing the create SQL: $CREATES creates under pg_stat_statements, then 3 logged ones"
"${PSQL[@]}" -d triage -c "select pg_stat_statements_reset()" >/dev/null
for _ in $(seq 1 "$CREATES"); do
  status=$(curl -s -o "$RAW/capture-create.txt" -w '%{http_code}' "$BASE/api/v1/tickets" \
    -H "Authorization: Bearer $CUSTOMER" -H 'Content-Type: application/json' \
    --data-binary @"$WORK/create.json")
  [ "$status" = 201 ] || { echo "a create answered $status: $(cat "$RAW/capture-create.txt")" >&2; exit 1; }
done
sleep 2
"${PSQL[@]}" -d triage -At -F $'\t' -c "select queryid, calls, toplevel,
  regexp_replace(query, '\s+', ' ', 'g') from pg_stat_statements
  where dbid = (select oid from pg_database where datname = 'triage')" >"$RAW/pg-stat-statements.tsv"
"$PGBIN/pg_dump" -h 127.0.0.1 -p "$PGPORT" -U postgres --data-only triage >"$WORK/before.sql" \
  2>"$RAW/pg_dump.log"
# Sequences of their own (not a column's default): the create may take a value with nextval().
"${PSQL[@]}" -d triage -At -F $'\t' -c "select quote_ident(s.schemaname) || '.' ||
  quote_ident(s.sequencename), coalesce(s.last_value, 0), s.increment_by from pg_sequences s
  join pg_namespace n on n.nspname = s.schemaname
  join pg_class c on c.relnamespace = n.oid and c.relname = s.sequencename
  where not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
    and d.objid = c.oid and d.deptype in ('a', 'i'))" >"$WORK/sequences.tsv"
: >"$WORK/captures.txt"
: >"$WORK/capture-seqs.tsv"
"${PSQL[@]}" -d triage -c "alter system set log_min_duration_statement = 0" -c "select pg_reload_conf()" >/dev/null
sleep 1
for k in 1 2 3; do
  # A distinctive value per sequence, so the replay can tell where the create used it.
  j=0
  while IFS=$'\t' read -r seq last inc; do
    j=$((j + 1))
    base=$(( (last / 1000000 + 7) * 1000000 + 100000 * (j % 10) + 1000 * k + 37 ))
    "${PSQL[@]}" -d triage -c "select setval('$seq', $base)" >/dev/null
    printf '%s\t%s\t%s\t%s\n' "$k" "$seq" "$base" "$inc" >>"$WORK/capture-seqs.pending"
  done <"$WORK/sequences.tsv"
  sleep 0.5
  "${PSQL[@]}" -d triage -c "select 'triage-bench-capture-start-$k'" >/dev/null
  ticket=$(new_ticket)
  "${PSQL[@]}" -d triage -c "select 'triage-bench-capture-end-$k'" >/dev/null
  echo "$k $ticket" >>"$WORK/captures.txt"
  if [ -f "$WORK/capture-seqs.pending" ]; then
    while IFS=$'\t' read -r kk seq base inc; do
      after=$("${PSQL[@]}" -d triage -At -c "select coalesce(last_value, 0) from pg_sequences
        where quote_ident(schemaname) || '.' || quote_ident(sequencename) = '$seq'")
      printf '%s\t%s\t%s\t%s\t%s\n' "$kk" "$seq" "$base" "$inc" "$after" >>"$WORK/capture-seqs.tsv"
    done <"$WORK/capture-seqs.pending"
    rm "$WORK/capture-seqs.pending"
  fi
  sleep 0.5
done
"${PSQL[@]}" -d triage -c "alter system reset log_min_duration_statement" -c "select pg_reload_conf()" >/dev/null
sleep 1
bench capture "$WORK/pg/data/log/postgresql.json" "$RAW/pg-stat-statements.tsv" "$CREATES" \
  "$WORK/before.sql" "$WORK/captures.txt" "$WORK/capture-seqs.tsv" "$OUT" >"$RAW/create-sql.log" \
  || { cat "$RAW/create-sql.log"; echo "!!! the create SQL could not be captured !!!";
       printf 'create SQL capture\tFAILED (raw/create-sql.log)\n' >>"$RESULTS.extra"; }
sed -n '/^Replayed statements/,$p' "$OUT/create-sql.txt" 2>/dev/null || true
echo "  (calls per create of everything: $OUT/create-sql.txt; replay script: $OUT/create.sql)"

# ---- The service under load ----------------------------------------------------------------------
echo
echo "wrk: $THREADS threads, $CONNECTIONS connections, ${WARMUP}s warm-up, ${DURATION}s measured"
probe create POST "$BASE/api/v1/tickets" "$CUSTOMER" "$WORK/create.json"
# The JIT compiles the write path for a minute or more (with the two compiler threads of
# jvm.options, creates reach their rate after about 80 s): the first warm-up is longer
# (JIT_WARMUP) so the measured minute is the service as it runs for hours, not its first seconds.
# BareSelect (the floor under "read one", see below) starts before the load: its start (a source
# launch, a compile) takes no CPU from a measured run.
echo "starting BareSelect on 127.0.0.1:$BARE_PORT"
"$JAVA" -cp "$WORK/app/lib/main/*" src/bench/BareSelect.java "$BARE_PORT" 127.0.0.1 "$PGPORT" \
  triage postgres x >"$RAW/bare-select.log" 2>&1 &
BARE=$!
for _ in $(seq 1 120); do
  grep -q '^listening on' "$RAW/bare-select.log" && break
  kill -0 "$BARE" 2>/dev/null || { cat "$RAW/bare-select.log" >&2; exit 1; }
  sleep 0.5
done
READ_T=$(new_ticket)
probe read-one GET "$BASE/api/v1/tickets/$READ_T" "$AGENT"
probe bare-select GET "http://127.0.0.1:$BARE_PORT/tickets/$READ_T" ""
# Creates, and a few reads of a page: the warm-up is for the write path (reads of one ticket and
# the bare select get their own before their turns). With those reads beside the creates, one run
# measured creates at 1.42 ms of CPU each; without them, runs gave 0.78 to 1.22 ms.
echo "  JIT warm-up: ${JIT_WARMUP}s of creates and reads of a page"
wrk -t1 -c4 --timeout 30s -d"${JIT_WARMUP}s" \
  -H "Authorization: Bearer $AGENT" "$BASE/api/v1/tickets?limit=25" >"$RAW/jit-warmup-list.txt" &
WARM_READS=$!
wrk -t"$THREADS" -c"$CONNECTIONS" --timeout 30s -d"${JIT_WARMUP}s" -s "$WORK/create.lua" \
  -H "Authorization: Bearer $CUSTOMER" "$BASE/api/v1/tickets" >"$RAW/jit-warmup-create.txt"
wait $WARM_READS || true
"${PSQL[@]}" -d triage -c "vacuum analyze" >/dev/null
"${PSQL[@]}" -d triage -c checkpoint
if [ "$WARMUP" -gt 0 ]; then
  wrk -t"$THREADS" -c"$CONNECTIONS" --timeout 30s -d"${WARMUP}s" -s "$WORK/create.lua" \
    -H "Authorization: Bearer $CUSTOMER" "$BASE/api/v1/tickets" >"$RAW/create-warmup.txt"
fi
sleep 1
TICK=$(getconf CLK_TCK)
cpu_before=$(cpu_ticks)
wrk -t"$THREADS" -c"$CONNECTIONS" --latency --timeout 30s -d"${DURATION}s" -s "$WORK/create.lua" \
  -H "Authorization: Bearer $CUSTOMER" "$BASE/api/v1/tickets" >"$RAW/create.txt"
cpu_after=$(cpu_ticks)
bench wrk create "$RAW/create.txt"
creates=$(awk -F'\t' '$1 == "create" {print $7}' "$RESULTS")
create_rate=$(awk -F'\t' '$1 == "create" {print $3}' "$RESULTS")
cpu_ms=$(python3 -c "print('%.2f' % (($cpu_after - $cpu_before) / $TICK * 1000 / max(1, $creates)))")
echo "  service CPU: $(( (cpu_after - cpu_before) / TICK )) s for $creates creates: $cpu_ms ms per create (= CPU s per 1,000 creates)"
printf 'service CPU ms per create (= CPU s per 1,000 creates)\t%s\n' "$cpu_ms" >>"$RESULTS.extra"

# The create p99 at half the rate just measured, with requests arriving evenly spaced: one hey
# client per connection (-c 1, -q its share), each started 1/CONNECTIONS of an interval after the
# one before, every request's time kept (-o csv). One hey with -c CONNECTIONS ticks all its
# workers together, so its requests arrive in bursts of CONNECTIONS at once; that figure is kept
# beside it ("bursts of N") to show what the bursts alone cost.
half=$(python3 -c "print('%.2f' % ($create_rate / 2))")
per_worker=$(python3 -c "print('%.3f' % max(0.01, $create_rate / 2 / $CONNECTIONS))")
stagger=$(python3 -c "print('%.4f' % (1 / $per_worker / $CONNECTIONS))")
rm -f "$RAW"/create-half-rate.*.csv
clients=()
for i in $(seq 1 "$CONNECTIONS"); do
  hey -z "${DURATION}s" -c 1 -q "$per_worker" -o csv -m POST -T application/json \
    -H "Authorization: Bearer $CUSTOMER" -D "$WORK/create.json" "$BASE/api/v1/tickets" \
    >"$RAW/create-half-rate.$i.csv" &
  clients+=($!)
  sleep "$stagger"
done
wait "${clients[@]}"
bench spaced "create at half rate" "$RAW/create-half-rate" "$DURATION"
hey -z "${DURATION}s" -c "$CONNECTIONS" -q "$per_worker" -m POST -T application/json \
  -H "Authorization: Bearer $CUSTOMER" -D "$WORK/create.json" "$BASE/api/v1/tickets" \
  >"$RAW/create-half-rate-bursts.txt"
bench hey "create at half rate, bursts of $CONNECTIONS" "$RAW/create-half-rate-bursts.txt"
printf 'create at half rate: target (req/s)\t%s\n' "$half" >>"$RESULTS.extra"

# Read one and its floor, the bare select, in turns (READ_ROUNDS each, one right after the other):
# on a shared 2-core machine the speed of the whole machine drifts by tens of percent over
# minutes, and a ratio of two figures taken minutes apart measures the drift as much as the
# service. Each figure is the run with the median rate; every run is in the table.
echo "  JIT warm-up of reads: ${READ_WARMUP}s of one ticket and of the bare select, side by side"
wrk -t1 -c8 --timeout 30s -d"${READ_WARMUP}s" -H "Authorization: Bearer $AGENT" \
  "$BASE/api/v1/tickets/$READ_T" >"$RAW/jit-warmup-read-one.txt" &
WARM_READS=$!
wrk -t1 -c8 --timeout 30s -d"${READ_WARMUP}s" "http://127.0.0.1:$BARE_PORT/tickets/$READ_T" \
  >"$RAW/jit-warmup-bare-select.txt"
wait $WARM_READS || true
for r in $(seq 1 "$READ_ROUNDS"); do
  run_wrk "read one ($r)" "$AGENT" "$BASE/api/v1/tickets/$READ_T" "" "$BASE/api/v1/tickets/$READ_T"
  run_wrk "bare select ($r)" "" "http://127.0.0.1:$BARE_PORT/tickets/$READ_T" "" \
    "http://127.0.0.1:$BARE_PORT/tickets/$READ_T"
done
bench median "read one" "$READ_ROUNDS"
bench median "bare select" "$READ_ROUNDS"
kill "$BARE" && wait "$BARE" 2>/dev/null || true
BARE=""
probe list GET "$BASE/api/v1/tickets?limit=25" "$AGENT"
run_wrk "list 25" "$AGENT" "$BASE/api/v1/tickets?limit=25" "" "$BASE/api/v1/tickets?limit=25"

echo "seeding a ticket with $COMMENTS public comments through the API"
BUSY_T=$(new_ticket)
start=$(date +%s)
hey -n "$COMMENTS" -c 8 -m POST -T application/json -H "Authorization: Bearer $AGENT" \
  -D "$WORK/comment.json" "$BASE/api/v1/tickets/$BUSY_T/comments" >"$RAW/seed-comments.txt"
count() { "${PSQL[@]}" -d triage -At -c "select count(*) from ticket_comments where ticket_id = '$1'"; }
tries=0
while [ "$(count "$BUSY_T")" -lt "$COMMENTS" ] && [ $tries -lt "$COMMENTS" ]; do
  tries=$((tries + 1))
  curl -sf -o /dev/null "$BASE/api/v1/tickets/$BUSY_T/comments" -H "Authorization: Bearer $AGENT" \
    -H 'Content-Type: application/json' --data-binary @"$WORK/comment.json" || true
done
[ "$(count "$BUSY_T")" -ge "$COMMENTS" ] ||
  echo "!!! the busy ticket has only $(count "$BUSY_T") comments (raw/seed-comments.txt) !!!"
echo "  $(count "$BUSY_T") comments in $(( $(date +%s) - start )) s"

WARM_T=$(new_ticket)
EDIT_T=$(new_ticket)
probe edit-title PATCH "$BASE/api/v1/tickets/$WARM_T" "$AGENT" <(echo '{"title":"Checkout page freezes (probe)"}')
run_wrk "edit title new ticket" "$AGENT" "$BASE/api/v1/tickets/$EDIT_T" "$WORK/edit.lua" \
  "$BASE/api/v1/tickets/$WARM_T"
run_wrk "edit title 1000 comments" "$AGENT" "$BASE/api/v1/tickets/$BUSY_T" "$WORK/edit.lua" \
  "$BASE/api/v1/tickets/$WARM_T"
echo "  the busy ticket still has $(count "$BUSY_T") comments"
COMMENT_T=$(new_ticket)
probe comment POST "$BASE/api/v1/tickets/$WARM_T/comments" "$AGENT" "$WORK/comment.json"
run_wrk "comment new ticket" "$AGENT" "$BASE/api/v1/tickets/$COMMENT_T/comments" "$WORK/comment.lua" \
  "$BASE/api/v1/tickets/$WARM_T/comments"
run_wrk "comment 1000 comments" "$AGENT" "$BASE/api/v1/tickets/$BUSY_T/comments" "$WORK/comment.lua" \
  "$BASE/api/v1/tickets/$WARM_T/comments"
echo "  comments now: new ticket $(count "$COMMENT_T"), busy ticket $(count "$BUSY_T")"
audit_bytes() { "${PSQL[@]}" -d triage -At -c "select coalesce(round(avg(octet_length(coalesce(before::text, ''))
  + octet_length(coalesce(after::text, '')))), 0) from audit_log where action = 'AddComment'
  and entity_id = '$1'"; }
echo "  audit entry of a comment (before + after, bytes): new ticket $(audit_bytes "$COMMENT_T"), busy ticket $(audit_bytes "$BUSY_T")"
printf 'audit entry bytes per comment, new ticket / 1000 comments\t%s / %s\n' \
  "$(audit_bytes "$COMMENT_T")" "$(audit_bytes "$BUSY_T")" >>"$RESULTS.extra"


# ---- PostgreSQL alone ----------------------------------------------------------------------------
echo
echo "stopping the service; pgbench: $CONNECTIONS clients, $THREADS threads, ${DURATION}s per run"
stop_service
run_pgbench() { # name db script [mode] [extra args...]
  local name=$1 db=$2 script=$3 mode=$4 s
  shift 4
  s=$(slug "$name")
  "${PSQL[@]}" -d "$db" -c checkpoint
  "${PGBENCH[@]}" -n -M "$mode" -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" -f "$script" \
    -l --log-prefix="$WORK/$s" "$@" "$db" >"$RAW/$s.txt" 2>&1 || true
  bench pgbench "$name" "$RAW/$s.txt" "$WORK/$s"
  rm -f "$WORK/$s".*
}
run_pgbench "pgbench plain simple" plain src/bench/plain-insert.sql simple
run_pgbench "pgbench plain prepared" plain src/bench/plain-insert.sql prepared
if [ -s "$OUT/create.sql" ]; then
  # A few transactions first: the replay must run without an error before it is measured.
  if "${PGBENCH[@]}" -n -t 3 -c 2 -j 1 -f "$OUT/create.sql" triage >"$RAW/create-sql-check.txt" 2>&1; then
    run_pgbench "pgbench create SQL simple" triage "$OUT/create.sql" simple
    # PostgreSQL's own latency for the same SQL at the rate of the service's half-rate run: the
    # floor under the service's p99 there (pgbench schedules transactions evenly, Poisson-spaced).
    run_pgbench "pgbench create SQL at half rate" triage "$OUT/create.sql" simple -R "$half"
  else
    echo "!!! create.sql fails under pgbench: $(grep -m3 -iE 'error|abort' "$RAW/create-sql-check.txt") !!!"
    printf 'pgbench create SQL simple\tFAILED (raw/create-sql-check.txt)\n' >>"$RESULTS.extra"
  fi
  mapfile -d '' DEFINES <"$OUT/create-prepared.args"
  if [ "$(cat "$OUT/create-prepared.ok")" != yes ]; then
    echo "  (no prepared replay: a new id is written into the SQL text itself, not bound)"
  elif "${PGBENCH[@]}" -n -M prepared -t 3 -c 2 -j 1 -f "$OUT/create-prepared.sql" "${DEFINES[@]}" \
      triage >"$RAW/create-prepared-sql-check.txt" 2>&1; then
    run_pgbench "pgbench create SQL prepared" triage "$OUT/create-prepared.sql" prepared "${DEFINES[@]}"
  else
    echo "!!! create-prepared.sql fails under pgbench: $(grep -m3 -iE 'error|abort' "$RAW/create-prepared-sql-check.txt") !!!"
    printf 'pgbench create SQL prepared\tFAILED (raw/create-prepared-sql-check.txt)\n' >>"$RESULTS.extra"
  fi
fi

echo
echo "==== summary (DURATION=${DURATION}s, $CONNECTIONS connections, $THREADS threads; $(nproc) cores) ===="
bench summary "$RESULTS" "$OUT/summary.txt"
