#!/usr/bin/env bash
# Insights on a year of data (issue 23, item 4): the figures of 1 year × 200 rooms × 5 periods (≈ 365,000 slots,
# ≈ 300,000 bookings, seeded in bulk by `Bench insights`) computed by InsightsQuery in-process, p50/p95 over
# BENCH_INSIGHTS_RUNS runs after a warm-up, on SQLite and on PostgreSQL (a throw-away cluster: initdb into a temp
# folder, fsync off, as OS user postgres when root, as bench/scaleout.sh). Each database is seeded once, then measured
# BENCH_INSIGHTS_REPEAT times (default 3; the report takes the median of the passes' p50s): results
# $OUT/insights/{sqlite,postgresql}-N.json (N = 1, 2, …). The first pass also runs (and times) the roll-up's backfill.
#   ./bench/insights.sh                               full run
#   BENCH_INSIGHTS_DAYS=30 BENCH_INSIGHTS_ROOMS=20 ./bench/insights.sh     smoke run
#   BENCH_INSIGHTS_PG=0 ./bench/insights.sh           SQLite only
# Phase timings of each run: the Debug log "Insights …: cumulative ms after each phase" in $OUT/insights/*.log 
# Everything it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${BENCH_OUT:-$ROOT/bench/out}
IO=$OUT/insights
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
ROOMS=${BENCH_INSIGHTS_ROOMS:-200} DAYS=${BENCH_INSIGHTS_DAYS:-365} RUNS=${BENCH_INSIGHTS_RUNS:-7} REPEAT=${BENCH_INSIGHTS_REPEAT:-3}
log() { echo "[$(date +%H:%M:%S)] insights: $*"; }
PGDIR="" PGBIN="" RUNAS=()
cleanup() {
  if [[ -n "$PGDIR" && -f "$PGDIR/data/postmaster.pid" ]]; then
    "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  [[ -n "$PGDIR" ]] && rm -rf "$PGDIR"
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$IO"
log "building the bench driver (Release)"
dotnet build "$ROOT/bench/Bench/Bench.csproj" -c Release -o "$IO/bench" --nologo -v q >"$IO/build.log" 2>&1 || { tail -30 "$IO/build.log"; exit 1; }
BENCH="$IO/bench/Bench"

log "SQLite: $ROOMS rooms × $DAYS days (load average $(cut -d' ' -f1-3 /proc/loadavg))"
rm -f "$IO"/sqlite-*.json "$IO"/postgresql-*.json "$IO"/sqlite.json "$IO"/postgresql.json
for i in $(seq 1 "$REPEAT"); do
  reuse=false; [[ $i -gt 1 ]] && reuse=true
  "$BENCH" insights --db "$IO/insights.db" --rooms "$ROOMS" --days "$DAYS" --runs "$RUNS" --reuse $reuse --out "$IO/sqlite-$i.json" >"$IO/sqlite-$i.log" 2>&1 \
    || { tail -30 "$IO/sqlite-$i.log"; exit 1; }
  grep "insights" "$IO/sqlite-$i.log" | grep -v '^{' || true
done
rm -f "$IO/insights.db" "$IO/insights.db-wal" "$IO/insights.db-shm"

if [[ "${BENCH_INSIGHTS_PG:-1}" != 0 ]]; then
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { log "installing postgresql (apt)"; apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; }
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PGDIR=$(mktemp -d /tmp/mr-insights-pg.XXXXXX)
  if [[ $(id -u) == 0 ]]; then RUNAS=(runuser -u postgres --); chown postgres: "$PGDIR"; fi
  PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  (cd /tmp && "${RUNAS[@]}" "$PGBIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 -N >"$IO/initdb.log" 2>&1) || { cat "$IO/initdb.log"; exit 1; }
  PG_OPTS="-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=${BENCH_PG_SHARED_BUFFERS:-128MB}"
  (cd /tmp && "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 -o "$PG_OPTS" start >/dev/null) || { cat "$PGDIR/server.log"; exit 1; }
  (cd /tmp && "${RUNAS[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres meetingroom)
  log "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  for i in $(seq 1 "$REPEAT"); do
    reuse=false; [[ $i -gt 1 ]] && reuse=true
    "$BENCH" insights --pg "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=meetingroom" --rooms "$ROOMS" --days "$DAYS" --runs "$RUNS" \
      --reuse $reuse --out "$IO/postgresql-$i.json" >"$IO/postgresql-$i.log" 2>&1 || { tail -30 "$IO/postgresql-$i.log"; exit 1; }
    grep "insights" "$IO/postgresql-$i.log" | grep -v '^{' || true
  done
fi
log "done: $IO (sqlite-N.json${PGDIR:+, postgresql-N.json}, N = 1..$REPEAT)"
