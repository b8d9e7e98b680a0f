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

start_cluster_silo() { # name http_port connection_string -> pid in $cluster_pid
  env Admin__Token=smoke Storage__Provider=Postgres Storage__PostgresConnectionString="$3" \
    Cluster__Enabled=true Cluster__SiloPort=0 Cluster__HttpAddress="http://127.0.0.1:$2" \
    Kestrel__Endpoints__Http__Url="http://127.0.0.1:$2" \
    dotnet "$root/silo/bin/Debug/net10.0/OrderEngine.Silo.dll" >"$work/silo-$1.log" 2>&1 &
  cluster_pid=$!
}

wait_for() { # description command...: retries the command for up to 60 s
  local what=$1 deadline=$((SECONDS + 60))
  shift
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then echo "timed out waiting for: $what"; return 1; fi
    sleep 0.2
  done
}

active_silos() { curl -fsS -H "Authorization: Bearer smoke" "http://127.0.0.1:$1/admin/cluster" | grep -q '"activeSilos":2'; }

smoke_test_cluster() {
  log "two silo processes on one PostgreSQL form one cluster: an order placed through one is read through the other"
  "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qAt -c "CREATE DATABASE cluster_smoke"
  local cs="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=cluster_smoke" a b pid_a pid_b
  a=$(free_port); b=$(free_port)
  start_cluster_silo a "$a" "$cs"; pid_a=$cluster_pid
  start_cluster_silo b "$b" "$cs"; pid_b=$cluster_pid
  wait_for "silo a ready" curl -fsS "http://127.0.0.1:$a/health/ready" || { cat "$work/silo-a.log"; return 1; }
  wait_for "silo b ready" curl -fsS "http://127.0.0.1:$b/health/ready" || { cat "$work/silo-b.log"; return 1; }
  wait_for "both silos see two active silos" active_silos "$a" || return 1
  wait_for "both silos see two active silos" active_silos "$b" || return 1
  curl -fsS -X PUT "http://127.0.0.1:$a/admin/skus/smoke" -H "Authorization: Bearer smoke" -H "Content-Type: application/json" \
    -d '{"stock":5,"price":1.5}' >/dev/null
  local order id
  order=$(curl -fsS -X POST "http://127.0.0.1:$a/orders" -H "Content-Type: application/json" -d '{"customerId":"c1","items":[{"sku":"smoke","quantity":2}]}')
  id=$(echo "$order" | grep -o '"orderId":"[0-9a-f]*"' | cut -d'"' -f4)
  [ -n "$id" ] || { echo "no order id in: $order"; return 1; }
  curl -fsS "http://127.0.0.1:$b/orders/$id" | grep -q "\"orderId\":\"$id\"" || { echo "silo b does not serve order $id"; return 1; }
  curl -fsS "http://127.0.0.1:$b/skus/smoke" | grep -q '"available":3' || { echo "silo b does not see the 2 units taken through silo a"; return 1; }
  kill -TERM "$pid_a" "$pid_b"
  local code_a=0 code_b=0
  wait "$pid_a" || code_a=$?
  wait "$pid_b" || code_b=$?
  [ "$code_a$code_b" = "00" ] || { echo "SIGTERM exit codes $code_a and $code_b"; return 1; }
  cluster_passed=1
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
cluster_passed=0
smoke_test_cluster || status=1

passed=$(grep -Eo 'Passed: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
passed=$((passed + smoke_passed + cluster_passed))
failed=$((failed + 2 - smoke_passed - cluster_passed))
echo
echo "$passed passed, $failed failed"
exit $status
