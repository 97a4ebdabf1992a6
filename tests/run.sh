#!/usr/bin/env bash
# Runs every test: domain, integration (real SQLite files, SMTP sink), portal (bUnit, test host)
# and end-to-end (Debian's Chromium through Playwright); then the integration suite again on a real
# PostgreSQL server (a private cluster, started here and stopped at the end). Installs Chromium and
# PostgreSQL when they are missing; on PostgreSQL also two portal processes sharing one database.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser tests..."
    SUDO=""
    if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium fonts-dejavu-core
fi

dotnet tool restore
dotnet test CoRM.sln "$@"

# The integration suite on PostgreSQL: each test clones a seeded template database on the private cluster. Then the
# tests only a server database can run: two portal processes on one database, one killed mid-send (TwoInstanceTests).
trap 'tests/postgres.sh stop' EXIT
# Assigned before it is exported, so a server that does not start stops the run (export would hide the failure and the
# suite would quietly run on SQLite a second time).
CORM_TEST_POSTGRES="$(tests/postgres.sh start)"
export CORM_TEST_POSTGRES
dotnet test tests/CoRM.Infrastructure.Tests --no-build "$@"
dotnet test tests/CoRM.Portal.Tests --no-build --filter "FullyQualifiedName~TwoInstanceTests" "$@"
