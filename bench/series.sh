#!/usr/bin/env bash
# "Saving a long series under load" (issue 22): the published app on a fresh SQLite file (as bench/run.sh runs it), then
# `Bench series`: a sustained booking load alone, the same load while admins preview and create the longest series a period
# can have (366 daily occurrences: a year) one after the other, and opening bursts alternating without and with a series
# created at the same instant. Results: $OUT/series.json (render: node bench/report.mjs $OUT docs, section "Series").
#   ./bench/series.sh                         full run (~3 min on 2 cores)
#   BENCH_SERIES_QUICK=1 ./bench/series.sh    smoke run (~1 min): small counts, proves the script works
# Counts: BENCH_MEMBERS, BENCH_ROOMS, BENCH_SERIES_LOAD_ROOMS, BENCH_SERIES_CONNECTIONS, BENCH_SERIES_BASELINE_SECONDS,
# BENCH_SERIES_CREATIONS, BENCH_SERIES_OCCURRENCES, BENCH_SERIES_BURST_ROUNDS. Builds what is missing in $OUT (remove
# $OUT/app to rebuild). Everything it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${BENCH_OUT:-$ROOT/bench/out}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export BENCH_PASSWORD=${BENCH_PASSWORD:-"Bench-$RANDOM$RANDOM-Pw!"}
PORT=${BENCH_SERIES_PORT:-$(( ${BENCH_PORT:-5190} + 6 ))}
BASE="http://127.0.0.1:$PORT"
log() { echo "[$(date +%H:%M:%S)] series: $*"; }
APP_PID=""
cleanup() { if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ "${BENCH_SERIES_QUICK:-${BENCH_QUICK:-0}}" == 1 ]]; then
  : "${BENCH_MEMBERS:=50}" "${BENCH_ROOMS:=5}" "${BENCH_SERIES_LOAD_ROOMS:=10}" "${BENCH_SERIES_CONNECTIONS:=4}" "${BENCH_SERIES_BASELINE_SECONDS:=3}"
  : "${BENCH_SERIES_CREATIONS:=3}" "${BENCH_SERIES_OCCURRENCES:=60}" "${BENCH_SERIES_BURST_ROUNDS:=4}"
fi
export BENCH_MEMBERS=${BENCH_MEMBERS:-1000} BENCH_ROOMS=${BENCH_ROOMS:-20} BENCH_SERIES_LOAD_ROOMS=${BENCH_SERIES_LOAD_ROOMS:-60}
export BENCH_SERIES_CONNECTIONS=${BENCH_SERIES_CONNECTIONS:-32} BENCH_SERIES_BASELINE_SECONDS=${BENCH_SERIES_BASELINE_SECONDS:-15}
export BENCH_SERIES_CREATIONS=${BENCH_SERIES_CREATIONS:-10} BENCH_SERIES_OCCURRENCES=${BENCH_SERIES_OCCURRENCES:-366}
export BENCH_SERIES_BURST_ROUNDS=${BENCH_SERIES_BURST_ROUNDS:-20}

mkdir -p "$OUT"
if [[ ! -x "$OUT/app/MeetingRoom.Web" ]]; then
  log "build: dotnet publish MeetingRoom.Web (Release)"
  dotnet publish "${BENCH_SRC:-$ROOT}/MeetingRoom.Web/MeetingRoom.Web.csproj" -c Release -o "$OUT/app" --nologo -v q -p:UseAppHost=true >>"$OUT/build-series.log" 2>&1 \
    || { tail -30 "$OUT/build-series.log"; exit 1; }
fi
if [[ ! -x "$OUT/bench/Bench" ]]; then
  log "build: bench driver"
  dotnet build bench/Bench/Bench.csproj -c Release -o "$OUT/bench" --nologo -v q >>"$OUT/build-series.log" 2>&1 || { tail -30 "$OUT/build-series.log"; exit 1; }
fi
BENCH="$OUT/bench/Bench"
RUN="$OUT/series"
rm -rf "$RUN"; mkdir -p "$RUN"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
T_START=$(date +%s)

log "seed: admin + $BENCH_MEMBERS members"
"$BENCH" seed --db "$RUN/bench.db" --members "$BENCH_MEMBERS" >"$RUN/seed.log" 2>&1 || { tail -20 "$RUN/seed.log"; exit 1; }
(
  cd "$OUT/app"
  # the same settings as bench/run.sh's app (plain HTTP on loopback, many members sign in from one address)
  export ASPNETCORE_URLS="$BASE" ConnectionStrings__MeetingRoom="Data Source=$RUN/bench.db" Identity__PasswordHasher__IterationCount=1000
  export Security__RequireHttps=false SignInRateLimit__PermitLimit=0 ASPNETCORE_ENVIRONMENT=Production Drain__DelaySeconds=0
  # shellcheck disable=SC2086
  exec env ${BENCH_APP_ENV:-} ./MeetingRoom.Web
) >"$RUN/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do
  curl -sf -o /dev/null "$BASE/health/ready" && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$RUN/app.log"; exit 1; }
  sleep 0.1
done
curl -sf -o /dev/null "$BASE/health/ready" || { log "app not ready"; tail -30 "$RUN/app.log"; exit 1; }

log "load $BENCH_SERIES_CONNECTIONS connections; $BENCH_SERIES_CREATIONS series of $BENCH_SERIES_OCCURRENCES occurrences; $BENCH_SERIES_BURST_ROUNDS burst rounds of $BENCH_MEMBERS members (load average $LOAD_BEFORE)"
STATUS=0
"$BENCH" series --base "$BASE" --server-pid "$APP_PID" --out "$RUN/series.json" || STATUS=$?
grep -c '^fail:' "$RUN/app.log" > "$RUN/app-fail-entries.txt" || true
cleanup; APP_PID=""
rm -f "$RUN/bench.db" "$RUN/bench.db-wal" "$RUN/bench.db-shm"

# $OUT/series.json: the driver's results with the run's circumstances
[[ -f "$RUN/series.json" ]] || { log "the driver wrote no results (exit $STATUS)"; exit 1; }
node - "$RUN/series.json" "$OUT/series.json" "$LOAD_BEFORE" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(( $(date +%s) - T_START ))" "$(cat "$RUN/app-fail-entries.txt")" <<'JS'
const fs = require('fs');
const [from, to, loadBefore, loadAfter, seconds, fails] = process.argv.slice(2);
const r = JSON.parse(fs.readFileSync(from, 'utf8'));
Object.assign(r, { quick: (process.env.BENCH_SERIES_QUICK ?? process.env.BENCH_QUICK) === '1', loadBefore, loadAfter, seconds: Number(seconds), appLogFailEntries: Number(fails) });
fs.writeFileSync(to, JSON.stringify(r, null, 2));
JS
log "done in $(( $(date +%s) - T_START )) s → $OUT/series.json (exit $STATUS)"
exit "$STATUS"
