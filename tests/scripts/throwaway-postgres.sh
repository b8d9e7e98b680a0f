# Sourced by test.sh and tests/benchmarks/run.sh: installs PostgreSQL if missing and starts a
# throwaway server in "$work/pg" on a free loopback port. Sets pg_bin and pg_port, exports
# ORDERENGINE_TEST_POSTGRES, and defines stop_postgres. Needs "$work" (a temporary folder).

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

install_packages() {
  local missing=() package
  for package in "$@"; do
    case "$package" in
      postgresql) compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql) ;;
      *) dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package") ;;
    esac
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  echo "== installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

start_postgres() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pg_port=$(free_port)
  mkdir -p "$work/pg/sock"
  chmod a+x "$work"
  [ "$(id -u)" -ne 0 ] || chown -R postgres "$work/pg"
  as_postgres "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth=trust >/dev/null
  as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -w -l "$work/pg/server.log" \
    -o "-p $pg_port -k $work/pg/sock -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
  export ORDERENGINE_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
  echo "== PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
}

stop_postgres() {
  if [ -n "${pg_bin:-}" ] && [ -f "$work/pg/data/postmaster.pid" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
  fi
}
