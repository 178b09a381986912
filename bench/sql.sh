#!/usr/bin/env bash
# "SQL per booking" (issue 21): SQL commands counted, not timed. Called by bench/run.sh (BENCH_SQL=0 skips it); runnable alone:
#   ./bench/sql.sh        builds what is missing in bench/out (remove bench/out/app to rebuild), writes bench/out/sql.json
#   BENCH_SQL_DOORS=5 BENCH_SQL_BOARDS=2 BENCH_SQL_IDLE_SECONDS=10 ./bench/sql.sh     smoke run
# Seeds a fresh SQLite file (admin + 20 members), starts the published app on its own port with
# Diagnostics:CountSqlCommands=true (GET /diagnostics/sql-commands, loopback only), and runs bench/push/sql.mjs:
# idle 30 s, 20 bookings of today's slots until settled, then the same with 50 door displays + 10 boards open
# (chromium pages). Everything it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${BENCH_OUT:-$ROOT/bench/out}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export BENCH_PASSWORD=${BENCH_PASSWORD:-"Bench-$RANDOM$RANDOM-Pw!"}
PORT=${BENCH_SQL_PORT:-$(( ${BENCH_PORT:-5190} + 3 ))}
log() { echo "[$(date +%H:%M:%S)] sql: $*"; }
APP_PID=""
cleanup() { if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$OUT"
if [[ ! -x "$OUT/app/MeetingRoom.Web" ]]; then
  log "build: dotnet publish MeetingRoom.Web (Release)"
  dotnet publish "${BENCH_SRC:-$ROOT}/MeetingRoom.Web/MeetingRoom.Web.csproj" -c Release -o "$OUT/app" --nologo -v q -p:UseAppHost=true >"$OUT/build-sql.log" 2>&1 || { tail -30 "$OUT/build-sql.log"; exit 1; }
fi
if [[ ! -x "$OUT/bench/Bench" ]]; then
  log "build: bench driver"
  dotnet build bench/Bench/Bench.csproj -c Release -o "$OUT/bench" --nologo -v q >>"$OUT/build-sql.log" 2>&1 || { tail -30 "$OUT/build-sql.log"; exit 1; }
fi
if [[ ! -d bench/push/node_modules/playwright-core ]]; then
  (cd bench/push && npm ci --no-audit --no-fund --loglevel=error >>"$OUT/build-sql.log" 2>&1) || { tail -30 "$OUT/build-sql.log"; exit 1; }
fi
DB="$OUT/sql.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
uptime > "$OUT/sql-load-before.txt"
"$OUT/bench/Bench" seed --db "$DB" --members 20
BASE="http://127.0.0.1:$PORT"
(
  cd "$OUT/app"
  export ASPNETCORE_URLS="$BASE" ConnectionStrings__MeetingRoom="Data Source=$DB" Identity__PasswordHasher__IterationCount=1000
  export Security__RequireHttps=false SignInRateLimit__PermitLimit=0 ASPNETCORE_ENVIRONMENT=Production
  export Diagnostics__CountSqlCommands=true
  # shellcheck disable=SC2086
  exec env ${BENCH_APP_ENV:-} ./MeetingRoom.Web
) >"$OUT/sql-app.log" 2>&1 &
APP_PID=$!
for i in $(seq 1 600); do
  curl -sf -o /dev/null "$BASE/health/ready" && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$OUT/sql-app.log"; exit 1; }
  sleep 0.1
done
curl -sf -o /dev/null "$BASE/diagnostics/sql-commands" || { log "the app has no /diagnostics/sql-commands (Diagnostics:CountSqlCommands)"; exit 1; }
log "app ready on $BASE; settling, then idle ${BENCH_SQL_IDLE_SECONDS:-30} s, ${BENCH_SQL_BOOKINGS:-20} bookings, ${BENCH_SQL_DOORS:-50} door displays + ${BENCH_SQL_BOARDS:-10} boards"
BENCH_SQL_BASE="$BASE" BENCH_SQL_DB="$DB" BENCH_SERVER_PID="$APP_PID" BENCH_SQL_OUT="$OUT/sql.json" timeout 600 node bench/push/sql.mjs
uptime > "$OUT/sql-load-after.txt"
log "fail: entries in the app log: $(grep -c '^fail:' "$OUT/sql-app.log" || true)"
