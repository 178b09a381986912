#!/usr/bin/env bash
# Two instances on PostgreSQL + Redis (issue 11, item 8). Called by bench/run.sh after its scenarios
# (BENCH_SCALEOUT=0 skips it there); runnable alone:
#   ./bench/scaleout.sh                          builds what is missing in bench/out (remove bench/out/app or bench/out/bench
#                                                to rebuild), runs, writes bench/out/scaleout/docs/benchmarks.md
#   BENCH_SO_PUSH_CLIENTS=20 BENCH_SO_PUSH_PAGES=2 BENCH_SO_PUSH_BOOKINGS=10 BENCH_SO_SUSTAINED_SECONDS=3 \
#   BENCH_SO_CONNECTIONS=8,32 BENCH_RAW_SECONDS=2 ./bench/scaleout.sh      smoke run
# Starts a throw-away PostgreSQL cluster (initdb into a temp folder, fsync off, as OS user postgres when root),
# redis-server, and two instances A and B of the published app (Production) on loopback ports; seeds members
# (bench/Bench seed --pg), sets rooms/window/limits and signs in through A (so-setup), then:
#   push latency: hub clients and /board pages spread half on A, half on B; bookings made through A (push.mjs);
#   sustained booking through both instances (so-load); then, instances stopped, PostgreSQL's own insert rate
#   at the same connection counts (pg-raw). Results: $OUT/scaleout/scaleout.json (read by bench/report.mjs from OUT/scaleout/ or OUT/).
# Everything it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${BENCH_OUT:-$ROOT/bench/out}
SO=$OUT/scaleout
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export BENCH_PASSWORD=${BENCH_PASSWORD:-"Bench-$RANDOM$RANDOM-Pw!"}
export BENCH_SO_MEMBERS=${BENCH_SO_MEMBERS:-200} BENCH_ROOMS=${BENCH_ROOMS:-20} BENCH_SUSTAINED_ROOMS=${BENCH_SUSTAINED_ROOMS:-60}
export BENCH_SO_CONNECTIONS=${BENCH_SO_CONNECTIONS:-${BENCH_SUSTAINED_CONNECTIONS:-32,100,200}}
export BENCH_SO_SUSTAINED_SECONDS=${BENCH_SO_SUSTAINED_SECONDS:-${BENCH_SUSTAINED_SECONDS:-20}}
export BENCH_RAW_SECONDS=${BENCH_RAW_SECONDS:-5}
SO_PUSH_CLIENTS=${BENCH_SO_PUSH_CLIENTS:-200} SO_PUSH_PAGES=${BENCH_SO_PUSH_PAGES:-10} SO_PUSH_BOOKINGS=${BENCH_SO_PUSH_BOOKINGS:-${BENCH_PUSH_BOOKINGS:-40}}
T_START=$(date +%s)

log() { echo "[$(date +%H:%M:%S)] scale-out: $*"; }
PGDIR="" PGBIN="" RUNAS=() REDIS_PID="" A_PID="" B_PID=""
stop_instances() {
  local p; for p in "$A_PID" "$B_PID"; do [[ -n "$p" ]] && kill "$p" 2>/dev/null || true; done
  for p in "$A_PID" "$B_PID"; do [[ -n "$p" ]] && wait "$p" 2>/dev/null || true; done
  A_PID="" B_PID=""
}
cleanup() {
  stop_instances
  if [[ -n "$REDIS_PID" ]]; then kill "$REDIS_PID" 2>/dev/null || true; wait "$REDIS_PID" 2>/dev/null || true; fi
  if [[ -n "$PGDIR" && -f "$PGDIR/data/postmaster.pid" ]]; then
    "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  [[ -n "$PGDIR" ]] && rm -rf "$PGDIR"
  local j; for j in $(jobs -p); do kill "$j" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- prerequisites: Debian's postgresql and redis-server (a fresh machine has neither) ----------
need_apt=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
command -v redis-server >/dev/null || need_apt+=(redis-server)
command -v node >/dev/null || need_apt+=(nodejs npm)
command -v chromium >/dev/null || need_apt+=(chromium)
if ((${#need_apt[@]})); then log "installing ${need_apt[*]} (apt)"; apt-get update -qq && apt-get install -y -qq "${need_apt[@]}" >/dev/null; fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

# ---- build what bench/run.sh has not built already (standalone use) --------------------------
mkdir -p "$OUT"
T0=$(date +%s)
if [[ ! -x "$OUT/app/MeetingRoom.Web" ]]; then
  log "build: dotnet publish MeetingRoom.Web (Release)"
  dotnet publish "${BENCH_SRC:-$ROOT}/MeetingRoom.Web/MeetingRoom.Web.csproj" -c Release -o "$OUT/app" --nologo -v q -p:UseAppHost=true >"$OUT/build-scaleout.log" 2>&1 || { tail -30 "$OUT/build-scaleout.log"; exit 1; }
fi
if [[ ! -x "$OUT/bench/Bench" ]]; then
  log "build: bench driver"
  dotnet build bench/Bench/Bench.csproj -c Release -o "$OUT/bench" --nologo -v q >>"$OUT/build-scaleout.log" 2>&1 || { tail -30 "$OUT/build-scaleout.log"; exit 1; }
fi
if [[ ! -d bench/push/node_modules/@microsoft/signalr ]]; then
  (cd bench/push && npm ci --no-audit --no-fund --loglevel=error >>"$OUT/build-scaleout.log" 2>&1) || { tail -30 "$OUT/build-scaleout.log"; exit 1; }
fi
BUILD_SECONDS=$(( $(date +%s) - T0 ))
BENCH="$OUT/bench/Bench"
rm -rf "$SO"; mkdir -p "$SO"
uptime > "$SO/load-before.txt"
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

# ---- PostgreSQL: a throw-away cluster (as MeetingRoom.Tests/Support/PostgresServer.cs) ------------
PGDIR=$(mktemp -d /tmp/meetingroom-bench-pg-XXXXXX)
if [[ $(id -u) == 0 ]]; then RUNAS=(runuser -u postgres --); chown postgres: "$PGDIR"; fi
PGPORT=$(free_port)
log "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT ($PGDIR)"
(cd /tmp && "${RUNAS[@]}" "$PGBIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 -N >"$SO/initdb.log" 2>&1) || { cat "$SO/initdb.log"; exit 1; }
# Durability off (a benchmark cluster, as the tests'): fsync, synchronous_commit and full-page writes.
PG_OPTS="-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c max_connections=${BENCH_PG_MAX_CONNECTIONS:-400} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=${BENCH_PG_SHARED_BUFFERS:-128MB}"
(cd /tmp && "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 -o "$PG_OPTS" start >/dev/null) || { cat "$PGDIR/server.log"; exit 1; }
(cd /tmp && "${RUNAS[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres meetingroom)
PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=meetingroom"
export BENCH_PG_PID=$(head -1 "$PGDIR/data/postmaster.pid") # the driver counts this cluster's CPU only

# ---- Redis ----------------------------------------------------------------------------------
REDIS_PORT=$(free_port)
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no >"$SO/redis.log" 2>&1 &
REDIS_PID=$!
for i in $(seq 1 100); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
redis-cli -p "$REDIS_PORT" ping >/dev/null || { cat "$SO/redis.log"; exit 1; }
log "redis-server $(redis-server --version | grep -o 'v=[^ ]*' | cut -c3-) on 127.0.0.1:$REDIS_PORT"

# ---- members (and the schema: seed migrates) straight into PostgreSQL ----------------------------
log "seed: admin + $BENCH_SO_MEMBERS members into PostgreSQL"
"$BENCH" seed --pg "$PG" --members "$BENCH_SO_MEMBERS"

# ---- two instances of the published app --------------------------------------------------
PORT_A=$(free_port) PORT_B=$(free_port)
BASE_A="http://127.0.0.1:$PORT_A" BASE_B="http://127.0.0.1:$PORT_B"
start_instance() { # NAME URL → pid in $STARTED
  (
    cd "$OUT/app"
    export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$2" Instance__Name="$1"
    export Database__Provider=PostgreSql ConnectionStrings__MeetingRoom="$PG" ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT"
    export Security__RequireHttps=false SignInRateLimit__PermitLimit=0 Identity__PasswordHasher__IterationCount=1000
    # The outbox poll set to 10 minutes: every push measured here travelled on the Redis commit wake-up.
    export Outbox__PollMilliseconds=${BENCH_SO_POLL_MS:-600000}
    # shellcheck disable=SC2086
    exec env ${BENCH_APP_ENV:-} ./MeetingRoom.Web
  ) >"$SO/app-$1.log" 2>&1 &
  STARTED=$!
}
wait_ready() { # NAME URL PID
  for i in $(seq 1 600); do
    curl -sf -o /dev/null "$2/health/ready" && return 0
    kill -0 "$3" 2>/dev/null || { tail -30 "$SO/app-$1.log"; exit 1; }
    sleep 0.1
  done
  log "instance $1 not ready"; tail -30 "$SO/app-$1.log"; exit 1
}
start_instance A "$BASE_A"; A_PID=$STARTED
wait_ready A "$BASE_A" "$A_PID" # A alone first: the migrations are applied, B then finds none to apply
start_instance B "$BASE_B"; B_PID=$STARTED
wait_ready B "$BASE_B" "$B_PID"
log "instances A $BASE_A (pid $A_PID), B $BASE_B (pid $B_PID)"

"$BENCH" so-setup --base "$BASE_A" --tokens "$SO/handoff.json"

# ---- push latency across instances --------------------------------------------------------
log "push: $SO_PUSH_CLIENTS hub clients + $SO_PUSH_PAGES pages spread over A and B, $SO_PUSH_BOOKINGS bookings through A"
BENCH_HANDOFF="$SO/handoff.json" BENCH_BASES="$BASE_A,$BASE_B" BENCH_INSTANCE_NAMES=A,B BENCH_POST_BASE="$BASE_A" \
  BENCH_SERVER_PIDS="$A_PID,$B_PID" BENCH_PUSH_OUT="$SO/so-push.json" BENCH_PUSH_CLIENTS="$SO_PUSH_CLIENTS" \
  BENCH_PUSH_PAGES="$SO_PUSH_PAGES" BENCH_PUSH_BOOKINGS="$SO_PUSH_BOOKINGS" BENCH_PUSH_HUB_ONLY="${BENCH_SO_PUSH_HUB_ONLY:-1}" \
  timeout 300 node bench/push/push.mjs

# ---- sustained booking through both instances, then PostgreSQL alone -------------------------
log "sustained booking through A and B (connections $BENCH_SO_CONNECTIONS, $BENCH_SO_SUSTAINED_SECONDS s each)"
"$BENCH" so-load --bases "$BASE_A,$BASE_B" --pg "$PG" --tokens "$SO/handoff.json" --server-pids "$A_PID,$B_PID" --out "$SO/so-load.json"
APP_FAILS=$(cat "$SO"/app-*.log | grep -c '^fail:' || true)
stop_instances
log "raw PostgreSQL insert rate (instances stopped; connections $BENCH_SO_CONNECTIONS, $BENCH_RAW_SECONDS s each)"
"$BENCH" pg-raw --pg "$PG" --out "$SO/so-raw.json"
uptime > "$SO/load-after.txt"

# ---- one JSON for the report ----------------------------------------------------------------
node -e '
const fs = require("fs"), d = process.argv[1], r = f => JSON.parse(fs.readFileSync(`${d}/${f}`, "utf8"));
const t = f => fs.readFileSync(`${d}/${f}`, "utf8").replace(/.*load average: /, "").trim();
fs.writeFileSync(`${d}/scaleout.json`, JSON.stringify({
  machine: { nproc: Number(process.argv[2]), postgres: process.argv[3], redis: process.argv[4], loadBefore: t("load-before.txt"), loadAfter: t("load-after.txt"),
    seconds: Number(process.argv[5]), appLogFailEntries: Number(process.argv[6]), settings: process.argv[7] },
  push: r("so-push.json"), load: r("so-load.json"), raw: r("so-raw.json") }, null, 2));
' "$SO" "$(nproc)" "$("$PGBIN/postgres" --version | awk '{print $3}')" "$(redis-server --version | grep -o 'v=[^ ]*' | cut -c3-)" \
  "$(( $(date +%s) - T_START ))" "$APP_FAILS" \
  "members $BENCH_SO_MEMBERS, push: $SO_PUSH_CLIENTS hub clients + $SO_PUSH_PAGES pages, $SO_PUSH_BOOKINGS bookings; sustained $BENCH_SO_CONNECTIONS × $BENCH_SO_SUSTAINED_SECONDS s; raw $BENCH_RAW_SECONDS s"
log "done in $(( $(date +%s) - T_START )) s → $SO/scaleout.json"

# Alone (not from run.sh): a report of this part only, beside the results (docs/benchmarks.md is left alone).
if [[ "${BENCH_SCALEOUT_REPORT:-1}" == 1 && -z "${BENCH_FROM_RUN:-}" ]]; then
  {
    echo "nproc=$(nproc)"; echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "memory=$(free -h | awk '/^Mem:/{print $2}')"; echo "os=$(. /etc/os-release; echo "$PRETTY_NAME") / kernel $(uname -r)"
    echo "dotnet_sdk=$(dotnet --version)"; echo "node=$(node --version)"; echo "chromium=$(chromium --version 2>/dev/null | head -1)"
    echo "load_before=$(sed 's/.*load average: //' "$SO/load-before.txt")"; echo "load_after=$(sed 's/.*load average: //' "$SO/load-after.txt")"
    echo "build_seconds=${BUILD_SECONDS:-0}"; echo "total_seconds=$(( $(date +%s) - T_START ))"
    echo "source=$(git log -1 --format='%h %s')"; echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"; echo "quick=scaleout-only"
  } > "$SO/machine.txt"
  node bench/report.mjs "$SO" "$SO/docs" >/dev/null
  log "report of this part: $SO/docs/benchmarks.md"
fi
