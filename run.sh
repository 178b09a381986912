#!/usr/bin/env bash
# Runs MeetingRoom locally (the README's run command): Development environment, SQLite file under
# MeetingRoom.Web/data/ (created and migrated at start-up), demo accounts and rooms.
# Set Demo__Password to choose the demo password; otherwise one is generated and printed once.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
exec dotnet run --project MeetingRoom.Web --launch-profile http -- "$@"
