#!/usr/bin/env bash
# Runs the runtime benchmarks next to their baselines in one go and writes docs/benchmarks.md:
#   - PostgreSQL's own hot-row check-and-decrement under pgbench (the baseline to beat),
#   - our local grain calls, a durable hot grain on the same PostgreSQL, and activation density.
# Usage: tests/benchmarks/run.sh [--seconds N] [--activations N]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d -t orderengine-bench.XXXXXX)
seconds=10
activations=1000000
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --activations) activations=$2; shift 2 ;;
    *) echo "unknown option $1"; exit 2 ;;
  esac
done
# shellcheck source=../scripts/throwaway-postgres.sh
. "$root/tests/scripts/throwaway-postgres.sh"
trap 'stop_postgres; rm -rf "$work"' EXIT

install_packages postgresql
start_postgres
psql() { "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

# pgbench: the flash-sale decrement as a single hot row, then spread over 100 rows.
psql -c "CREATE TABLE stock (sku int PRIMARY KEY, qty bigint NOT NULL)" \
     -c "INSERT INTO stock SELECT g, 1000000000000 FROM generate_series(1, 100) g"
echo 'UPDATE stock SET qty = qty - 1 WHERE sku = 1 AND qty > 0;' > "$work/hot.sql"
echo '\set sku random(1, 100)
UPDATE stock SET qty = qty - 1 WHERE sku = :sku AND qty > 0;' > "$work/spread.sql"

pgbench_row() { # label clients script
  local label=$1 clients=$2 script=$3 dir="$work/pgbench-$RANDOM"
  mkdir -p "$dir"
  local tps
  tps=$(cd "$dir" && "$pg_bin/pgbench" -h 127.0.0.1 -p "$pg_port" -U postgres -n -c "$clients" -j 2 -T "$seconds" -l -f "$script" postgres 2>/dev/null \
        | awk '/^tps/ {print $3; exit}')
  local p99
  p99=$(cat "$dir"/pgbench_log.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {i=int(NR*0.99); if (i<1) i=1; printf "%.1f", a[i]/1000}')
  printf '| PostgreSQL baseline | %s, %s clients | %s tps | p99 %s ms |\n' "$label" "$clients" "$(printf '%.0f' "$tps")" "$p99"
}

echo "== pgbench baselines ($seconds s each)"
baseline=$(
  pgbench_row "hot row UPDATE ... WHERE stock > 0" 8 "$work/hot.sql"
  pgbench_row "hot row UPDATE ... WHERE stock > 0" 32 "$work/hot.sql"
  pgbench_row "same over 100 rows" 32 "$work/spread.sql"
)
echo "$baseline"

echo "== order engine runtime benchmarks"
dotnet build -c Release "$root/tests/benchmarks" -nologo -clp:ErrorsOnly >/dev/null
ours=$(dotnet "$root/tests/benchmarks/bin/Release/net10.0/OrderEngine.Benchmarks.dll" local hot activations \
  --seconds "$seconds" --activations "$activations" --postgres "$ORDERENGINE_TEST_POSTGRES")
echo "$ours"

cpu=$(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')
{
  echo "# Benchmarks"
  echo
  echo "Written by \`tests/benchmarks/run.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores ($cpu), $(free -g | awk '/Mem:/ {print $2}') GiB,"
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') (default settings, fsync on) on the same machine, .NET $(dotnet --version)."
  echo "Each figure ran ${seconds} s after a warm-up; load generator and server share the 2 cores."
  echo
  echo "## Baselines (same run)"
  echo
  echo "| what | load | throughput | latency |"
  echo "|---|---|---|---|"
  echo "$baseline"
  echo
  echo "## Runtime"
  echo
  echo "| scenario | metric | measured | goal | notes |"
  echo "|---|---|---|---|---|"
  echo "$ours"
  echo
  cat "$root/tests/benchmarks/ANALYSIS.md"
} > "$root/docs/benchmarks.md"
echo "== wrote docs/benchmarks.md"
