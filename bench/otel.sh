#!/usr/bin/env bash
# "Observability cost" (issue 24): the opening burst (1 and 1b) and sustained booking (2) of `Bench load`, run against
# the published app with OpenTelemetry off (no OTEL_EXPORTER_OTLP_ENDPOINT: nothing registered) and on, exporting
# traces, metrics and logs over OTLP/HTTP protobuf to a local sink (bench/otlp-sink.mjs, which counts and drops them).
#   ./bench/otel.sh                          full run (~10 min on 2 cores), writes bench/out/otel.json
#   BENCH_OTEL_QUICK=1 ./bench/otel.sh       smoke run (~2 min)
#   BENCH_OTEL_MODES="off on on off" …       more runs, in that order (each its own fresh database and app process)
#   BENCH_OTEL_BEFORE_SRC=/path/to/tree …    adds a "before" run: the app built from that source tree (e.g. a worktree
#                                            of main before issue 24), run like "off"
# Then `node bench/report.mjs bench/out docs` renders it ("Observability cost"). bench/run.sh runs it when BENCH_OTEL=1.
# Builds what is missing in bench/out (remove bench/out/app to rebuild). Counts: the BENCH_* variables of bench/run.sh
# (BENCH_MEMBERS, BENCH_BURST_ATTEMPTS, BENCH_LINE_ROUNDS, BENCH_SUSTAINED_CONNECTIONS, BENCH_SUSTAINED_SECONDS, …);
# the hot-path ladder is skipped. Everything it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${BENCH_OUT:-$ROOT/bench/out}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export BENCH_PASSWORD=${BENCH_PASSWORD:-"Bench-$RANDOM$RANDOM-Pw!"}
PORT=${BENCH_OTEL_PORT:-$(( ${BENCH_PORT:-5190} + 4 ))}
SINK_PORT=${BENCH_OTEL_SINK_PORT:-$(( PORT + 100 ))}
MODES=${BENCH_OTEL_MODES:-off on}
if [[ -n "${BENCH_OTEL_BEFORE_SRC:-}" && " $MODES " != *" before "* ]]; then MODES="before $MODES"; fi
log() { echo "[$(date +%H:%M:%S)] otel: $*"; }
APP_PID="" SINK_PID=""
stop() { # stop PID: SIGTERM (the app flushes its exporters on the way out), then wait
  if [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null; then kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; fi
}
cleanup() { stop "$APP_PID"; stop "$SINK_PID"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ "${BENCH_OTEL_QUICK:-${BENCH_QUICK:-0}}" == 1 ]]; then
  : "${BENCH_MEMBERS:=200}" "${BENCH_BURST_ATTEMPTS:=2000}" "${BENCH_LINE_ROUNDS:=3}" "${BENCH_SUSTAINED_CONNECTIONS:=32}" "${BENCH_SUSTAINED_SECONDS:=3}"
  : "${BENCH_SUSTAINED_ROOMS:=20}"
fi
export BENCH_MEMBERS=${BENCH_MEMBERS:-1000} BENCH_ROOMS=${BENCH_ROOMS:-20} BENCH_SUSTAINED_ROOMS=${BENCH_SUSTAINED_ROOMS:-60}
export BENCH_BURST_ATTEMPTS=${BENCH_BURST_ATTEMPTS:-100000} BENCH_BURST_MAX_SECONDS=${BENCH_BURST_MAX_SECONDS:-240}
export BENCH_LINE_ROUNDS=${BENCH_LINE_ROUNDS:-50}
export BENCH_SUSTAINED_CONNECTIONS=${BENCH_SUSTAINED_CONNECTIONS:-32,100,200} BENCH_SUSTAINED_SECONDS=${BENCH_SUSTAINED_SECONDS:-20}
export BENCH_LADDER_SECONDS=0 # the hot-path ladder is not part of this comparison (0 s per step)
unset BENCH_PERF_OUT BENCH_PERF_LEVEL # no profiler here (bench/run.sh's perf.data stays its own)

# ---- build what is missing (as bench/sql.sh) --------------------------------------------------
mkdir -p "$OUT"
publish() { # publish SOURCE_TREE DIR
  dotnet publish "$1/MeetingRoom.Web/MeetingRoom.Web.csproj" -c Release -o "$2" --nologo -v q -p:UseAppHost=true >>"$OUT/build-otel.log" 2>&1 \
    || { tail -30 "$OUT/build-otel.log"; exit 1; }
}
if [[ ! -x "$OUT/app/MeetingRoom.Web" ]]; then log "build: dotnet publish MeetingRoom.Web (Release)"; publish "${BENCH_SRC:-$ROOT}" "$OUT/app"; fi
if [[ " $MODES " == *" before "* ]]; then
  [[ -n "${BENCH_OTEL_BEFORE_SRC:-}" ]] || { log "mode 'before' needs BENCH_OTEL_BEFORE_SRC (a source tree)"; exit 2; }
  log "build: the 'before' app from $BENCH_OTEL_BEFORE_SRC"; rm -rf "$OUT/app-before"; publish "$BENCH_OTEL_BEFORE_SRC" "$OUT/app-before"
fi
if [[ ! -x "$OUT/bench/Bench" ]]; then
  log "build: bench driver"
  dotnet build bench/Bench/Bench.csproj -c Release -o "$OUT/bench" --nologo -v q >>"$OUT/build-otel.log" 2>&1 || { tail -30 "$OUT/build-otel.log"; exit 1; }
fi
BENCH="$OUT/bench/Bench"
BASE="http://127.0.0.1:$PORT"
RUNS="$OUT/otel"
rm -rf "$RUNS"; mkdir -p "$RUNS"
uptime > "$RUNS/load-before.txt"
T_START=$(date +%s)

# ---- one run per mode: fresh database, app (+ sink when on), Bench load, stop --------------------
i=0
for mode in $MODES; do
  i=$((i + 1)); run="$RUNS/$i-$mode"; mkdir -p "$run"
  case "$mode" in off | on) app_dir="$OUT/app" ;; before) app_dir="$OUT/app-before" ;; *) log "unknown mode $mode (off, on, before)"; exit 2 ;; esac
  log "run $i ($mode): seed $BENCH_MEMBERS members"
  "$BENCH" seed --db "$run/bench.db" --members "$BENCH_MEMBERS" >"$run/seed.log" 2>&1 || { tail -20 "$run/seed.log"; exit 1; }
  otel_env=()
  if [[ "$mode" == on ]]; then
    node bench/otlp-sink.mjs "$SINK_PORT" "$run/sink.json" >"$run/sink.log" 2>&1 &
    SINK_PID=$!
    for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$SINK_PORT/stats" && break; sleep 0.05; done
    otel_env=(OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$SINK_PORT" OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf
              OTEL_SERVICE_NAME=meetingroom-bench OTEL_RESOURCE_ATTRIBUTES=deployment.environment=bench)
    if [[ -n "${BENCH_OTEL_METRIC_EXPORT_INTERVAL:-}" ]]; then otel_env+=(OTEL_METRIC_EXPORT_INTERVAL="$BENCH_OTEL_METRIC_EXPORT_INTERVAL"); fi
  fi
  (
    cd "$app_dir"
    # the same settings as bench/run.sh's app (plain HTTP on loopback, 1,000 members sign in from one address)
    export ASPNETCORE_URLS="$BASE" ConnectionStrings__MeetingRoom="Data Source=$run/bench.db" Identity__PasswordHasher__IterationCount=1000
    export Security__RequireHttps=false SignInRateLimit__PermitLimit=0 ASPNETCORE_ENVIRONMENT=Production Drain__DelaySeconds=0
    # shellcheck disable=SC2086
    exec env "${otel_env[@]}" ${BENCH_APP_ENV:-} ./MeetingRoom.Web
  ) >"$run/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "$BASE/health/ready" && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$run/app.log"; exit 1; }
    sleep 0.1
  done
  curl -sf -o /dev/null "$BASE/health/ready" || { log "app not ready"; tail -30 "$run/app.log"; exit 1; }
  log "run $i ($mode): opening burst, burst at a real opening ($BENCH_LINE_ROUNDS rounds), sustained ($BENCH_SUSTAINED_CONNECTIONS connections × $BENCH_SUSTAINED_SECONDS s)"
  T0=$(date +%s)
  "$BENCH" load --base "$BASE" --db "$run/bench.db" --server-pid "$APP_PID" --out "$run/load.json"
  echo "$(( $(date +%s) - T0 ))" > "$run/seconds.txt"
  grep -c '^fail:' "$run/app.log" > "$run/app-fail-entries.txt" || true
  stop "$APP_PID"; APP_PID=""
  if [[ -n "$SINK_PID" ]]; then stop "$SINK_PID"; SINK_PID=""; log "run $i ($mode): sink received $(node -e 'const s=require(process.argv[1]);console.log(Object.entries(s.paths).map(([k,v])=>`${k} ${v.requests} requests ${v.bytes} bytes`).join(", ")||"nothing")' "$run/sink.json")"; fi
  rm -f "$run/bench.db" "$run/bench.db-wal" "$run/bench.db-shm"
done
uptime > "$RUNS/load-after.txt"

# ---- bench/out/otel.json: the runs in order, each with its load results and (on) the sink's counts --------
node - "$RUNS" "$OUT/otel.json" "$MODES" "$(( $(date +%s) - T_START ))" <<'JS'
const fs = require('fs'), path = require('path');
const [runs, outFile, modes, seconds] = process.argv.slice(2);
const read = f => { try { return fs.readFileSync(f, 'utf8'); } catch { return null; } };
const json = f => { const t = read(f); return t ? JSON.parse(t) : null; };
const dirs = fs.readdirSync(runs).filter(d => /^\d+-/.test(d)).sort((a, b) => parseInt(a) - parseInt(b));
const result = {
  date: new Date().toISOString(), quick: (process.env.BENCH_OTEL_QUICK ?? process.env.BENCH_QUICK) === '1', modes: modes.split(/\s+/).filter(Boolean), seconds: Number(seconds),
  loadBefore: (read(path.join(runs, 'load-before.txt')) ?? '').replace(/.*load average: /, '').trim(),
  loadAfter: (read(path.join(runs, 'load-after.txt')) ?? '').replace(/.*load average: /, '').trim(),
  settings: Object.fromEntries(Object.entries(process.env).filter(([k]) => /^BENCH_(MEMBERS|ROOMS|SUSTAINED_ROOMS|BURST_ATTEMPTS|LINE_ROUNDS|SUSTAINED_CONNECTIONS|SUSTAINED_SECONDS|OTEL_METRIC_EXPORT_INTERVAL|APP_ENV)$/.test(k))),
  runs: dirs.map(d => {
    const load = json(path.join(runs, d, 'load.json'));
    if (load) { delete load.ladder; for (const k of ['burst', 'lineBurst']) if (load[k]) delete load[k].rounds; }
    return {
      run: parseInt(d), mode: d.replace(/^\d+-/, ''), load, sink: json(path.join(runs, d, 'sink.json')),
      seconds: Number(read(path.join(runs, d, 'seconds.txt')) ?? 0), appLogFailEntries: Number(read(path.join(runs, d, 'app-fail-entries.txt')) ?? 0),
    };
  }),
};
fs.writeFileSync(outFile, JSON.stringify(result, null, 2));
console.log(`wrote ${outFile}`);
JS
log "done in $(( $(date +%s) - T_START )) s → $OUT/otel.json (render: node bench/report.mjs $OUT docs)"
