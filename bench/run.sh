#!/usr/bin/env bash
# MeetingRoom benchmarks (issue 6): ./bench/run.sh            full run (< 10 min on 2 cores)
#                                   BENCH_QUICK=1 ./bench/run.sh   smoke run (~2 min)
# Builds the app in Release (dotnet publish = what production runs), starts it on 127.0.0.1 with a
# fresh SQLite file and ASPNETCORE_ENVIRONMENT=Production, prepares members and rooms, runs the five
# scenarios, and writes docs/benchmarks.md + docs/benchmarks.json. Every counter is an env var
# (BENCH_*; defaults below). Everything it starts is stopped on exit.
# Then bench/scaleout.sh: two instances on PostgreSQL + Redis (issue 11; BENCH_SCALEOUT=0 skips it; counts BENCH_SO_*).
# Before the load: bench/sql.sh, SQL commands per booking counted by the app (issue 21; BENCH_SQL=0 skips it; BENCH_SQL_*).
# At the end, with BENCH_OTEL=1: bench/otel.sh, burst + sustained with OpenTelemetry off and exporting (issue 24).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/bench/out
DOCS=${BENCH_DOCS_DIR:-$ROOT/docs}
# BENCH_SRC: build the app from another source tree (e.g. a scratch copy with a proposed change); default this one.
SRC=${BENCH_SRC:-$ROOT}
T_START=$(date +%s)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [[ "${BENCH_QUICK:-0}" == 1 ]]; then
  : "${BENCH_MEMBERS:=200}" "${BENCH_BURST_ATTEMPTS:=4000}" "${BENCH_SUSTAINED_SECONDS:=5}" "${BENCH_SUSTAINED_CONNECTIONS:=32,100,200}"
  : "${BENCH_LADDER_SECONDS:=2}" "${BENCH_PUSH_CLIENTS:=20,50}" "${BENCH_PUSH_BOOKINGS:=15}" "${BENCH_PUSH_PAGES:=3}"
  : "${BENCH_RAW_SECONDS:=2}" "${BENCH_STARTUP_RUNS:=2}"
  export BENCH_SQL_IDLE_SECONDS=${BENCH_SQL_IDLE_SECONDS:-10} BENCH_SQL_DOORS=${BENCH_SQL_DOORS:-10} BENCH_SQL_BOARDS=${BENCH_SQL_BOARDS:-2}
  export BENCH_SO_MEMBERS=${BENCH_SO_MEMBERS:-100} BENCH_SO_PUSH_CLIENTS=${BENCH_SO_PUSH_CLIENTS:-50} BENCH_SO_PUSH_PAGES=${BENCH_SO_PUSH_PAGES:-3} BENCH_SO_PUSH_BOOKINGS=${BENCH_SO_PUSH_BOOKINGS:-15}
fi
export BENCH_MEMBERS=${BENCH_MEMBERS:-1000} BENCH_ROOMS=${BENCH_ROOMS:-20} BENCH_SUSTAINED_ROOMS=${BENCH_SUSTAINED_ROOMS:-60}
export BENCH_BURST_ATTEMPTS=${BENCH_BURST_ATTEMPTS:-100000} BENCH_BURST_MAX_SECONDS=${BENCH_BURST_MAX_SECONDS:-240}
export BENCH_SUSTAINED_CONNECTIONS=${BENCH_SUSTAINED_CONNECTIONS:-32,100,200} BENCH_SUSTAINED_SECONDS=${BENCH_SUSTAINED_SECONDS:-20}
export BENCH_LADDER_SECONDS=${BENCH_LADDER_SECONDS:-3}
export BENCH_PUSH_CLIENTS=${BENCH_PUSH_CLIENTS:-50,200} BENCH_PUSH_BOOKINGS=${BENCH_PUSH_BOOKINGS:-40} BENCH_PUSH_INTERVAL_MS=${BENCH_PUSH_INTERVAL_MS:-200}
export BENCH_PUSH_PAGES=${BENCH_PUSH_PAGES:-10} BENCH_PUSH_MAX_SECONDS=${BENCH_PUSH_MAX_SECONDS:-180}
export BENCH_RAW_SECONDS=${BENCH_RAW_SECONDS:-5} BENCH_RAW_CONNECTIONS=${BENCH_RAW_CONNECTIONS:-1,4,32}
BENCH_STARTUP_RUNS=${BENCH_STARTUP_RUNS:-3}
BENCH_MEMBER_SEARCH_MEMBERS=${BENCH_MEMBER_SEARCH_MEMBERS:-10000} BENCH_MEMBER_SEARCHES=${BENCH_MEMBER_SEARCHES:-200}
PORT=${BENCH_PORT:-5190}
export BENCH_BASE="http://127.0.0.1:$PORT"
# A throw-away password for the run's accounts (never stored in the repo).
export BENCH_PASSWORD=${BENCH_PASSWORD:-"Bench-$RANDOM$RANDOM-Pw!"}
export ASPNETCORE_ENVIRONMENT=Production

log() { echo "[$(date +%H:%M:%S)] $*"; }
APP_PID=""
SO_PID=""
cleanup() {
  # the scale-out scenario stops its instances, redis-server and PostgreSQL cluster in its own EXIT trap
  if [[ -n "$SO_PID" ]] && kill -0 "$SO_PID" 2>/dev/null; then
    pkill -TERM -P "$SO_PID" 2>/dev/null || true; kill "$SO_PID" 2>/dev/null || true; wait "$SO_PID" 2>/dev/null || true
  fi
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  local j; for j in $(jobs -p); do kill "$j" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

# ---- prerequisites (a fresh Debian machine has the .NET SDK only) ------------------------------
need_apt=()
command -v node >/dev/null || need_apt+=(nodejs npm)
command -v chromium >/dev/null || need_apt+=(chromium)
if [[ "${BENCH_SCALEOUT:-1}" != 0 ]]; then # the two-instance scenario
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
  command -v redis-server >/dev/null || need_apt+=(redis-server)
fi
if ((${#need_apt[@]})); then log "installing ${need_apt[*]} (apt)"; apt-get update -qq && apt-get install -y -qq "${need_apt[@]}" >/dev/null; fi

rm -rf "$OUT"; mkdir -p "$OUT" "$DOCS/benchmarks"
uptime > "$OUT/load-before.txt"

# ---- build: Release, published (static assets copied, as in production) -----------------------
log "build (Release): dotnet publish MeetingRoom.Web, bench driver, npm ci"
T0=$(date +%s)
dotnet publish "$SRC/MeetingRoom.Web/MeetingRoom.Web.csproj" -c Release -o "$OUT/app" --nologo -v q -p:UseAppHost=true >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
dotnet build bench/Bench/Bench.csproj -c Release -o "$OUT/bench" --nologo -v q >>"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
(cd bench/push && npm ci --no-audit --no-fund --loglevel=error >>"$OUT/build.log" 2>&1) || { tail -30 "$OUT/build.log"; exit 1; }
[[ -x "$OUT/app/MeetingRoom.Web" ]] || { log "publish produced no app in $OUT/app"; cat "$OUT/build.log"; exit 1; }
BUILD_SECONDS=$(( $(date +%s) - T0 ))
BENCH="$OUT/bench/Bench"

# ---- 5. start-up (own port, own database file) ----------------------------------------------
log "scenario 5: start-up to /health/ready ($BENCH_STARTUP_RUNS runs, the first on a fresh database)"
"$BENCH" startup --app "$OUT/app" --db "$OUT/startup.db" --runs "$BENCH_STARTUP_RUNS" --port $((PORT + 1)) --out "$OUT/startup.json"

# ---- member list search with 10,000 members (issue 20; own port, own database file) ----------
log "member search: $BENCH_MEMBER_SEARCHES list requests with $BENCH_MEMBER_SEARCH_MEMBERS members"
"$BENCH" members --app "$OUT/app" --db "$OUT/members.db" --port $((PORT + 2)) --members "$BENCH_MEMBER_SEARCH_MEMBERS" \
  --searches "$BENCH_MEMBER_SEARCHES" --out "$OUT/members.json" || log "member search FAILED: the report has no section for it"

# ---- SQL commands per booking, counted (issue 21; own port, own database file, chromium screens) --
if [[ "${BENCH_SQL:-1}" != 0 ]]; then
  log "SQL per booking: idle, ${BENCH_SQL_BOOKINGS:-20} bookings, then with ${BENCH_SQL_DOORS:-50} door displays + ${BENCH_SQL_BOARDS:-10} boards (bench/sql.sh)"
  BENCH_OUT="$OUT" BENCH_SQL_PORT=$((PORT + 3)) bash bench/sql.sh || log "SQL per booking FAILED: the report has no section for it"
fi

# ---- members straight into a fresh database, then the app on it ------------------------------
log "seed: admin + $BENCH_MEMBERS members (UserManager, lowered PBKDF2 iterations)"
"$BENCH" seed --db "$OUT/bench.db" --members "$BENCH_MEMBERS"

log "start the app (published, Production) on $BENCH_BASE"
PERF=0
if [[ "${BENCH_PERF:-1}" == 1 ]] && command -v perf >/dev/null; then PERF=1; fi
(
  cd "$OUT/app"
  export ASPNETCORE_URLS="$BENCH_BASE" ConnectionStrings__MeetingRoom="Data Source=$OUT/bench.db" Identity__PasswordHasher__IterationCount=1000
  # plain HTTP on loopback, no TLS proxy; 1,000 members sign in from one address
  export Security__RequireHttps=false SignInRateLimit__PermitLimit=0
  [[ $PERF == 1 ]] && export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 # JIT symbols for perf
  # BENCH_APP_ENV="Key=Value …": extra settings for the app under test (e.g. a proposed log level)
  # shellcheck disable=SC2086
  exec env ${BENCH_APP_ENV:-} ./MeetingRoom.Web
) >"$OUT/app.log" 2>&1 &
APP_PID=$!
for i in $(seq 1 600); do
  curl -sf -o /dev/null "$BENCH_BASE/health/ready" && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$OUT/app.log"; exit 1; }
  sleep 0.1
done
curl -sf -o /dev/null "$BENCH_BASE/health/ready" || { log "app not ready"; tail -30 "$OUT/app.log"; exit 1; }

# ---- 1 + 2: opening burst, sustained booking, hot-path ladder, integrity ----------------------
log "scenarios 1-2: opening burst, sustained booking (driver: bench/Bench load)"
[[ $PERF == 1 ]] && export BENCH_PERF_OUT="$OUT/perf.data"
"$BENCH" load --base "$BENCH_BASE" --db "$OUT/bench.db" --server-pid "$APP_PID" --tokens "$OUT/handoff.json" --out "$OUT/load.json"

APP_LOG_BYTES=$(stat -c %s "$OUT/app.log"); APP_LOG_FAILS=$(grep -c '^fail:' "$OUT/app.log" || true)

# ---- 4: push latency ------------------------------------------------------------------------
log "scenario 4: push latency (node: @microsoft/signalr clients + chromium pages)"
BENCH_HANDOFF="$OUT/handoff.json" BENCH_SERVER_PID="$APP_PID" BENCH_PUSH_OUT="$OUT/push.json" \
  timeout 900 node bench/push/push.mjs

kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""

# ---- 3: raw SQLite limit (the app is stopped: the cores are the database's alone) -------------
log "scenario 3: raw SQLite insert limit"
"$BENCH" raw --from "$OUT/bench.db" --db "$OUT/raw.db" --out "$OUT/raw.json"

# ---- two instances on PostgreSQL + Redis (own cluster, redis-server, two app instances; all stopped on exit) --
if [[ "${BENCH_SCALEOUT:-1}" != 0 ]]; then
  log "scale-out: two instances on PostgreSQL + Redis (bench/scaleout.sh)"
  BENCH_OUT="$OUT" BENCH_FROM_RUN=1 bash bench/scaleout.sh &
  SO_PID=$!
  wait "$SO_PID" || log "scale-out scenario FAILED (exit $?): the report has no section for it (see its output above)"; SO_PID=""
fi

# ---- observability cost (issue 24; only with BENCH_OTEL=1): burst + sustained with OpenTelemetry off and exporting --
if [[ "${BENCH_OTEL:-0}" == 1 ]]; then
  log "observability cost: burst + sustained, OpenTelemetry off and exporting to a local OTLP sink (bench/otel.sh)"
  BENCH_OUT="$OUT" bash bench/otel.sh || log "observability cost FAILED: the report has no section for it"
fi

# ---- profile summary --------------------------------------------------------------------------
if [[ $PERF == 1 && -f "$OUT/perf.data" ]]; then
  perf report -i "$OUT/perf.data" --no-children -g none --sort dso,symbol --stdio --percent-limit 0.02 2>/dev/null \
    | grep '%' | sed -E 's/ +$//; s/  +/  /g' > "$OUT/perf-symbols.txt" || true
  head -40 "$OUT/perf-symbols.txt" > "$OUT/perf-top.txt" || true
  perf report -i "$OUT/perf.data" --no-children -g none --sort dso --stdio --percent-limit 0.5 2>/dev/null \
    | grep '%' | sed -E 's/ +$//; s/  +/  /g' | head -25 > "$OUT/perf-dso.txt" || true
fi

# ---- machine + report -----------------------------------------------------------------------
uptime > "$OUT/load-after.txt"
{
  echo "nproc=$(nproc)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory=$(free -h | awk '/^Mem:/{print $2}')"
  echo "os=$(. /etc/os-release; echo "$PRETTY_NAME") / kernel $(uname -r)"
  echo "dotnet_sdk=$(dotnet --version)"
  # What the app that ran was built as, read from its published runtimeconfig (not a constant): its target framework,
  # framework-dependent or self-contained, and the ASP.NET Core runtime it ran on (the newest installed patch of its major).
  echo "app_build=$(node bench/app-build.mjs "$OUT/app/MeetingRoom.Web.runtimeconfig.json" || true)"
  echo "app_runtime=$(dotnet --list-runtimes | awk '$1 == "Microsoft.AspNetCore.App" {v = $2} END {print "Microsoft.AspNetCore.App " v}')"
  echo "node=$(node --version)"
  echo "chromium=$(chromium --version 2>/dev/null | head -1)"
  echo "load_before=$(sed 's/.*load average: //' "$OUT/load-before.txt")"
  echo "load_after=$(sed 's/.*load average: //' "$OUT/load-after.txt")"
  echo "build_seconds=$BUILD_SECONDS"
  echo "app_log_bytes_after_load=$APP_LOG_BYTES"
  echo "app_log_fail_entries_after_load=$APP_LOG_FAILS"
  echo "app_env=${BENCH_APP_ENV:-}"
  echo "total_seconds=$(( $(date +%s) - T_START ))"
  echo "quick=${BENCH_QUICK:-0}"
  echo "source=$(git -C "$SRC" log -1 --format='%h %s' 2>/dev/null || echo "$SRC")$( [[ -n "$(git -C "$SRC" status --porcelain -- MeetingRoom.Web 2>/dev/null)" ]] && echo " (+ uncommitted changes)")"
  echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
} > "$OUT/machine.txt"
node bench/report.mjs "$OUT" "$DOCS"
log "done in $(( $(date +%s) - T_START )) s → docs/benchmarks.md, docs/benchmarks.json"
