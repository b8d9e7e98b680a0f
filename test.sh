#!/usr/bin/env bash
# Runs every test of the order engine on a fresh Debian machine: installs what the tests need
# (PostgreSQL first), starts throwaway servers in a temporary folder, builds, runs all test
# projects, smoke-tests the silo process, and removes the servers again.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
work=$(mktemp -d -t orderengine-test.XXXXXX)
pg_bin=""

log() { printf '\n== %s\n' "$*"; }

cleanup() {
  if [ -n "$pg_bin" ] && [ -f "$work/pg/data/postmaster.pid" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_packages() {
  local missing=()
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
  command -v curl >/dev/null || missing+=(curl)
  if [ ${#missing[@]} -eq 0 ]; then return; fi
  log "installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

start_postgres() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  local port
  port=$(free_port)
  mkdir -p "$work/pg/sock"
  [ "$(id -u)" -ne 0 ] || chown -R postgres "$work/pg"
  as_postgres "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth=trust >/dev/null
  as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -w -l "$work/pg/server.log" \
    -o "-p $port -k $work/pg/sock -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=on" start >/dev/null
  export ORDERENGINE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

smoke_test_silo() {
  log "silo process smoke test (embedded SQLite, /health/live, SIGTERM exits 0)"
  local port
  port=$(free_port)
  Storage__SqlitePath="$work/silo/orderengine.db" Kestrel__Endpoints__Http__Url="http://127.0.0.1:$port" \
    dotnet "$root/silo/bin/Debug/net10.0/OrderEngine.Silo.dll" >"$work/silo.log" 2>&1 &
  local pid=$!
  local deadline=$((SECONDS + 60))
  until curl -fsS "http://127.0.0.1:$port/health/live" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ] || ! kill -0 "$pid" 2>/dev/null; then
      cat "$work/silo.log"; echo "silo did not become live"; return 1
    fi
    sleep 0.2
  done
  kill -TERM "$pid"
  local code=0
  wait "$pid" || code=$?
  if [ "$code" -ne 0 ]; then cat "$work/silo.log"; echo "silo exited with $code after SIGTERM"; return 1; fi
  [ -f "$work/silo/orderengine.db" ] || { echo "silo did not create its SQLite database"; return 1; }
  smoke_passed=1
}

install_packages
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
