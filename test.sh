#!/usr/bin/env bash
# Runs every test of the order engine on a fresh Debian machine: installs what the tests need
# (PostgreSQL first), starts throwaway servers in a temporary folder, builds, runs all test
# projects, smoke-tests the silo process, and removes the servers again.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
work=$(mktemp -d -t orderengine-test.XXXXXX)
# shellcheck source=tests/scripts/throwaway-postgres.sh
. "$root/tests/scripts/throwaway-postgres.sh"

log() { printf '\n== %s\n' "$*"; }

cleanup() {
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT

# Starts the built silo with the given environment, waits for /health/ready, sends SIGTERM and
# expects exit code 0.
run_silo() {
  local name=$1
  shift
  local port
  port=$(free_port)
  env "$@" Kestrel__Endpoints__Http__Url="http://127.0.0.1:$port" \
    dotnet "$root/silo/bin/Debug/net10.0/OrderEngine.Silo.dll" >"$work/silo-$name.log" 2>&1 &
  local pid=$!
  local deadline=$((SECONDS + 60))
  until curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ] || ! kill -0 "$pid" 2>/dev/null; then
      cat "$work/silo-$name.log"; echo "silo ($name) did not become ready"; return 1
    fi
    sleep 0.2
  done
  curl -fsS "http://127.0.0.1:$port/health/live" >/dev/null
  kill -TERM "$pid"
  local code=0
  wait "$pid" || code=$?
  if [ "$code" -ne 0 ]; then cat "$work/silo-$name.log"; echo "silo ($name) exited with $code after SIGTERM"; return 1; fi
}

smoke_test_silo() {
  log "silo process smoke tests: ready, live, SIGTERM exits 0 (embedded SQLite, then PostgreSQL by configuration)"
  run_silo sqlite Storage__SqlitePath="$work/silo/orderengine.db"
  [ -f "$work/silo/orderengine.db" ] || { echo "silo did not create its SQLite database"; return 1; }
  "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qAt -c "CREATE DATABASE silo_smoke"
  run_silo postgres Storage__Provider=Postgres \
    Storage__PostgresConnectionString="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=silo_smoke"
  local tables
  tables=$("$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d silo_smoke -qAt \
    -c "SELECT count(*) FROM pg_tables WHERE tablename IN ('orderengine_grain_state', 'orderengine_reminders')")
  [ "$tables" = "2" ] || { echo "the PostgreSQL-configured silo did not create its schema (found $tables tables)"; return 1; }
  smoke_passed=1
}

install_packages postgresql curl prometheus
start_postgres

log "build"
dotnet build Orleans.sln -nologo -clp:ErrorsOnly

log "tests"
results="$work/test-output.txt"
status=0
dotnet test Orleans.sln --no-build -nologo 2>&1 | tee "$results" || status=$?

smoke_passed=0
smoke_test_silo || status=1

passed=$(grep -Eo 'Passed: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
passed=$((passed + smoke_passed))
failed=$((failed + 1 - smoke_passed))
echo
echo "$passed passed, $failed failed"
exit $status
