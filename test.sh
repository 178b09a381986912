#!/usr/bin/env bash
# Runs every test of MeetingRoom (the README's test command). On a fresh Debian machine it first
# installs what the tests need and the machine lacks. Usage: ./test.sh [extra dotnet test args]
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Browser tests drive Debian's chromium (never a downloaded browser); install it when missing.
if [ -d MeetingRoom.Tests/Browser ] && ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests…"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# Korean pages are measured (no sideways scroll at 390 px, the board fits 1920x1080) with real Hangul glyphs:
# Debian's Noto CJK fonts, installed when no Korean font is present.
if [ -d MeetingRoom.Tests/Browser ] && ! fc-list :lang=ko 2>/dev/null | grep -q .; then
  echo "Installing Debian's fonts-noto-cjk for the Korean browser tests…"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-noto-cjk >/dev/null
fi

# The QR check-in tests decode the door's QR image with Debian's zbarimg (zbar-tools); install it when missing.
if ! command -v zbarimg >/dev/null 2>&1; then
  echo "Installing Debian's zbar-tools for the QR check-in tests…"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq zbar-tools >/dev/null
fi

# The integration tests also run on PostgreSQL: a throw-away cluster from Debian's packages, started by the
# tests themselves on a free port (MeetingRoom.Tests/Support/PostgresServer.cs). Install it when missing
# (installing also starts Debian's default cluster on 5432: harmless, the tests never use it).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && [ -z "${MEETINGROOM_PG_BIN:-}" ]; then
  echo "Installing Debian's postgresql for the PostgreSQL test run…"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi

# The scale-out tests (MeetingRoom.Tests/ScaleOut) start Debian's redis-server and nginx themselves, on free
# loopback ports, beside two app instances and their own PostgreSQL cluster. Install them when missing.
if [ -d MeetingRoom.Tests/ScaleOut ] && { ! command -v redis-server >/dev/null 2>&1 || ! { command -v nginx || [ -x /usr/sbin/nginx ]; } >/dev/null 2>&1; }; then
  echo "Installing Debian's redis-server and nginx for the scale-out tests…"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server nginx >/dev/null
fi

# The metrics test (MeetingRoom.Tests/ScaleOut/PrometheusScrapeTests) starts Debian's prometheus itself, on a free
# loopback port with its own configuration and data folder; the alert rules are checked with its promtool. Install it
# when missing (installing may also start Debian's prometheus service on 9090: harmless, the tests never use it).
if ! command -v prometheus >/dev/null 2>&1 || ! command -v promtool >/dev/null 2>&1; then
  echo "Installing Debian's prometheus for the metrics tests…"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq prometheus >/dev/null
fi

# The email tests send to a real SMTP server on 127.0.0.1: Debian's python3-aiosmtpd, run by /usr/bin/python3
# (MeetingRoom.Tests/Support/smtp_sink.py). Install it when missing.
if ! /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then
  echo "Installing Debian's python3-aiosmtpd for the email tests…"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-aiosmtpd >/dev/null
fi

# Node tools for the tests: the hub client (npm @microsoft/signalr) and the single sign-on tests' OpenID Connect
# provider (npm oidc-provider), under Debian's nodejs and npm (installed when missing). Installed exactly as
# package-lock.json says, again whenever the lock file is newer than node_modules (a checkout that gained a package).
if [ -f MeetingRoom.Tests/node/package.json ]; then
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "Installing Debian's nodejs and npm for the node-based tests…"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
  fi
  if [ ! -d MeetingRoom.Tests/node/node_modules ] || [ MeetingRoom.Tests/node/package-lock.json -nt MeetingRoom.Tests/node/node_modules ]; then
    (cd MeetingRoom.Tests/node && npm ci --no-audit --no-fund --loglevel=error && touch node_modules)
  fi
fi

# Restore exactly the versions in the committed packages.lock.json files (a version the registry
# serves tomorrow changes nothing; a missing one fails here, loudly). Then build everything,
# the benchmark driver included (it is in the solution, so it cannot rot).
dotnet restore MeetingRoom.sln --locked-mode
dotnet tool restore
dotnet build MeetingRoom.sln --no-restore -nologo -v q -clp:ErrorsOnly

results="$(pwd)/TestResults"
rm -rf "$results"
set +e
dotnet test MeetingRoom.sln --no-build --logger "trx;LogFileName=tests.trx" --results-directory "$results" "$@"
status=$?
set -e

# The integration tests (Integration/, Board/: read model and push, Infrastructure/: outbox claims, drain) once more, on PostgreSQL: each test
# class gets a fresh database on a throw-away cluster that the test process starts and removes. Tests that
# use no configured database (migration scripts, the cluster helper) carry the trait Database=None and ran
# in the main run only.
set +e
MEETINGROOM_TEST_DATABASE=PostgreSql dotnet test MeetingRoom.Tests --no-build \
  --filter "(FullyQualifiedName~MeetingRoom.Tests.Integration|FullyQualifiedName~MeetingRoom.Tests.Schedule|FullyQualifiedName~MeetingRoom.Tests.Infrastructure)&Database!=None" \
  --logger "trx;LogFileName=tests-postgresql.trx" --results-directory "$results" "$@"
pg_status=$?
set -e

# A plain closing line that any CI reads: "N passed, N failed", summed over both runs.
python3 - "$results/tests.trx" "$results/tests-postgresql.trx" <<'PY' || true
import os, re, sys
totals = {"passed": 0, "failed": 0, "skipped": 0}
for path in sys.argv[1:]:
    if not os.path.exists(path):
        print(f"(no results file {os.path.basename(path)}: that run did not finish)")
        continue
    m = re.search(r'<Counters [^>]*>', open(path, encoding="utf-8").read())
    if not m:
        continue
    attrs = dict(re.findall(r'(\w+)="(\d+)"', m.group(0)))
    run = (int(attrs.get("passed", 0)), int(attrs.get("failed", 0)), int(attrs.get("notExecuted", 0)))
    print(f"  {os.path.basename(path)}: {run[0]} passed, {run[1]} failed, {run[2]} skipped")
    totals["passed"] += run[0]; totals["failed"] += run[1]; totals["skipped"] += run[2]
print(f"tests: {totals['passed']} passed, {totals['failed']} failed, {totals['skipped']} skipped")
PY
if [ $status -ne 0 ]; then exit $status; fi
exit $pg_status
