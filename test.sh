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

# Node tools for the hub client test (npm @microsoft/signalr), when that test exists.
if [ -f MeetingRoom.Tests/node/package.json ] && [ ! -d MeetingRoom.Tests/node/node_modules ]; then
  (cd MeetingRoom.Tests/node && npm ci --no-audit --no-fund --loglevel=error)
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

# A plain closing line that any CI reads: "N passed, N failed".
trx="$results/tests.trx"
if [ -f "$trx" ]; then
  python3 - "$trx" <<'PY' || true
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<Counters [^>]*>', text)
if m:
    attrs = dict(re.findall(r'(\w+)="(\d+)"', m.group(0)))
    skipped = int(attrs.get("notExecuted", 0))
    print(f"tests: {attrs.get('passed', 0)} passed, {attrs.get('failed', 0)} failed, {skipped} skipped")
PY
fi
exit $status
