#!/usr/bin/env bash
# Runs the runtime benchmarks next to their baselines in one go and writes docs/benchmarks.md:
#   - PostgreSQL's own hot-row check-and-decrement under pgbench (the baseline to beat),
#   - our local grain calls, a durable hot grain on the same PostgreSQL, activation density, and the
#     silo-to-silo transport alone (request/answer frames over loopback).
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

install_packages postgresql wrk curl
start_postgres
psql() { "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
# CPU time (clock ticks, user + system) of the given processes, and of PostgreSQL's postmaster and all its children.
cpu_ticks() { local total=0 pid; for pid in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0))); done; echo "$total"; }
pg_ticks() { local postmaster; postmaster=$(head -n 1 "$work/pg/data/postmaster.pid"); cpu_ticks "$postmaster" $(pgrep -P "$postmaster"); }
# Microseconds of CPU per order from a tick delta and an order count.
per_order() { awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.0f", (n > 0) ? t * 1000000 / hz / n : 0}'; }

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
ours=$(dotnet "$root/tests/benchmarks/bin/Release/net10.0/OrderEngine.Benchmarks.dll" local hot activations cluster transport \
  --seconds "$seconds" --activations "$activations" --postgres "$ORDERENGINE_TEST_POSTGRES")
echo "$ours"

echo "== POST /orders on one hot SKU, silo on PostgreSQL, wrk on the same machine"
dotnet build -c Release "$root/silo" -nologo -clp:ErrorsOnly >/dev/null
psql -c "CREATE DATABASE orders_bench"
silo_port=$(free_port)
env Admin__Token=bench Storage__Provider=Postgres \
  Storage__PostgresConnectionString="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=orders_bench;Maximum Pool Size=64" \
  RateLimit__PermitLimit=1000000 Logging__LogLevel__Default=Warning Kestrel__Endpoints__Http__Url="http://127.0.0.1:$silo_port" \
  dotnet "$root/silo/bin/Release/net10.0/OrderEngine.Silo.dll" >"$work/silo.log" 2>&1 &
silo_pid=$!
until curl -fsS "http://127.0.0.1:$silo_port/health/ready" >/dev/null 2>&1; do sleep 0.2; done
curl -fsS -X PUT "http://127.0.0.1:$silo_port/admin/skus/hot" -H "Authorization: Bearer bench" -H "Content-Type: application/json" \
  -d '{"stock":100000000,"price":9.99}' >/dev/null
orders=""
# Tiered compilation is still promoting hot methods for the first ~15 s (perf showed 20% of the CPU in
# the JIT during a 10 s run started cold): warm up first; warm-up orders count for the stock check.
warmup=$(BENCH_SKU=hot wrk -t2 -c64 -d15s --timeout 10s -s "$root/tests/benchmarks/place-order.lua" "http://127.0.0.1:$silo_port" | grep '^wrk:')
accepted=$(( $(echo "$warmup" | sed 's/.*requests=\([0-9]*\).*/\1/') - $(echo "$warmup" | sed 's/.*errors_non2xx=\([0-9]*\).*/\1/') ))
for connections in 64 256; do
  silo_before=$(cpu_ticks "$silo_pid"); pg_before=$(pg_ticks)
  result=$(BENCH_SKU=hot wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s "$root/tests/benchmarks/place-order.lua" "http://127.0.0.1:$silo_port" | grep '^wrk:')
  requests=$(echo "$result" | sed 's/.*requests=\([0-9]*\).*/\1/')
  non2xx=$(echo "$result" | sed 's/.*errors_non2xx=\([0-9]*\).*/\1/')
  p50=$(echo "$result" | sed 's/.*p50_ms=\([0-9.]*\).*/\1/')
  p99=$(echo "$result" | sed 's/.*p99_ms=\([0-9.]*\).*/\1/')
  silo_cpu=$(per_order $(($(cpu_ticks "$silo_pid") - silo_before)) "$requests"); pg_cpu=$(per_order $(($(pg_ticks) - pg_before)) "$requests")
  rate=$(awk -v r="$requests" -v s="$seconds" 'BEGIN {printf "%.0f", r / s}')
  orders+=$(printf '| POST /orders, one hot SKU, PostgreSQL | %s connections | %s orders/s | p50 %s ms, p99 %s ms | silo %s µs, PostgreSQL %s µs | %s non-2xx of %s |\n' "$connections" "$rate" "$p50" "$p99" "$silo_cpu" "$pg_cpu" "$non2xx" "$requests")
  orders+=$'\n'
  accepted=$((accepted + requests - non2xx))
done
held=$(curl -fsS "http://127.0.0.1:$silo_port/skus/hot" | python3 -c 'import json,sys; s=json.load(sys.stdin); print(s["reserved"] + s["sold"])')
kill -TERM "$silo_pid"; wait "$silo_pid" || true
echo "$orders"
echo "wrk counted $accepted accepted orders; the SKU holds $held units reserved or sold"

echo "== POST /orders on one hot SKU, 2-silo cluster on PostgreSQL, one wrk per silo (a load balancer's split)"
psql -c "CREATE DATABASE orders_cluster_bench"
cluster_ports=()
cluster_pids=()
for i in 0 1; do
  port=$(free_port)
  env Admin__Token=bench Storage__Provider=Postgres \
    Storage__PostgresConnectionString="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=orders_cluster_bench;Maximum Pool Size=64" \
    Cluster__Enabled=true Cluster__SiloPort=0 RateLimit__PermitLimit=1000000 Logging__LogLevel__Default=Warning \
    Kestrel__Endpoints__Http__Url="http://127.0.0.1:$port" \
    dotnet "$root/silo/bin/Release/net10.0/OrderEngine.Silo.dll" >"$work/cluster-silo-$i.log" 2>&1 &
  cluster_pids+=($!)
  cluster_ports+=("$port")
done
for port in "${cluster_ports[@]}"; do
  until curl -fsS -H "Authorization: Bearer bench" "http://127.0.0.1:$port/admin/cluster" 2>/dev/null | grep -q '"activeSilos":2'; do sleep 0.2; done
done
curl -fsS -X PUT "http://127.0.0.1:${cluster_ports[0]}/admin/skus/hot" -H "Authorization: Bearer bench" -H "Content-Type: application/json" \
  -d '{"stock":100000000,"price":9.99}' >/dev/null
# Two silos warm up on the same 2 cores, so each gets half: tiered compilation needs twice the wall time.
warmup_pids=()
for port in "${cluster_ports[@]}"; do
  BENCH_SKU=hot wrk -t1 -c64 -d30s --timeout 10s -s "$root/tests/benchmarks/place-order.lua" "http://127.0.0.1:$port" >/dev/null &
  warmup_pids+=($!)
done
wait "${warmup_pids[@]}"
silo_before=$(cpu_ticks "${cluster_pids[@]}"); pg_before=$(pg_ticks)
wrk_pids=()
for port in "${cluster_ports[@]}"; do
  BENCH_SKU=hot wrk -t1 -c64 -d"${seconds}s" --timeout 10s -s "$root/tests/benchmarks/place-order.lua" "http://127.0.0.1:$port" | grep '^wrk:' >"$work/wrk-$port.txt" &
  wrk_pids+=($!)
done
wait "${wrk_pids[@]}"
cluster_requests=0; cluster_non2xx=0; cluster_p99=0
for port in "${cluster_ports[@]}"; do
  result=$(cat "$work/wrk-$port.txt")
  cluster_requests=$((cluster_requests + $(echo "$result" | sed 's/.*requests=\([0-9]*\).*/\1/')))
  cluster_non2xx=$((cluster_non2xx + $(echo "$result" | sed 's/.*errors_non2xx=\([0-9]*\).*/\1/')))
  cluster_p99=$(awk -v a="$cluster_p99" -v b="$(echo "$result" | sed 's/.*p99_ms=\([0-9.]*\).*/\1/')" 'BEGIN {print (b > a) ? b : a}')
done
silo_cpu=$(per_order $(($(cpu_ticks "${cluster_pids[@]}") - silo_before)) "$cluster_requests"); pg_cpu=$(per_order $(($(pg_ticks) - pg_before)) "$cluster_requests")
kill -TERM "${cluster_pids[@]}"; wait "${cluster_pids[@]}" || true
cluster_rate=$(awk -v r="$cluster_requests" -v s="$seconds" 'BEGIN {printf "%.0f", r / s}')
orders+=$(printf '| POST /orders, one hot SKU, 2-silo cluster, PostgreSQL | 2 x 64 connections | %s orders/s | p99 %s ms (worse silo) | both silos %s µs, PostgreSQL %s µs | %s non-2xx of %s |\n' "$cluster_rate" "$cluster_p99" "$silo_cpu" "$pg_cpu" "$cluster_non2xx" "$cluster_requests")
orders+=$'\n'
echo "$orders"

echo "== the same POST /orders with memory storage (nothing durable): the ceiling of the HTTP and grain work alone"
memory_port=$(free_port)
env Admin__Token=bench Storage__Provider=Memory RateLimit__PermitLimit=1000000 Logging__LogLevel__Default=Warning \
  Kestrel__Endpoints__Http__Url="http://127.0.0.1:$memory_port" \
  dotnet "$root/silo/bin/Release/net10.0/OrderEngine.Silo.dll" >"$work/memory-silo.log" 2>&1 &
memory_pid=$!
until curl -fsS "http://127.0.0.1:$memory_port/health/ready" >/dev/null 2>&1; do sleep 0.2; done
curl -fsS -X PUT "http://127.0.0.1:$memory_port/admin/skus/hot" -H "Authorization: Bearer bench" -H "Content-Type: application/json" \
  -d '{"stock":100000000,"price":9.99}' >/dev/null
BENCH_SKU=hot wrk -t2 -c64 -d15s --timeout 10s -s "$root/tests/benchmarks/place-order.lua" "http://127.0.0.1:$memory_port" >/dev/null
silo_before=$(cpu_ticks "$memory_pid")
result=$(BENCH_SKU=hot wrk -t2 -c64 -d"${seconds}s" --timeout 10s -s "$root/tests/benchmarks/place-order.lua" "http://127.0.0.1:$memory_port" | grep '^wrk:')
silo_cpu=$(per_order $(($(cpu_ticks "$memory_pid") - silo_before)) "$(echo "$result" | sed 's/.*requests=\([0-9]*\).*/\1/')")
floor=$(wrk -t2 -c64 -d"${seconds}s" "http://127.0.0.1:$memory_port/skus/hot" | awk '/Requests\/sec/ {printf "%.0f", $2}')
kill -TERM "$memory_pid"; wait "$memory_pid" || true
orders+=$(printf '| POST /orders, one hot SKU, memory storage (not durable) | 64 connections | %s orders/s | p50 %s ms, p99 %s ms | silo %s µs | %s non-2xx of %s |\n' \
  "$(awk -v r="$(echo "$result" | sed 's/.*requests=\([0-9]*\).*/\1/')" -v s="$seconds" 'BEGIN {printf "%.0f", r / s}')" \
  "$(echo "$result" | sed 's/.*p50_ms=\([0-9.]*\).*/\1/')" "$(echo "$result" | sed 's/.*p99_ms=\([0-9.]*\).*/\1/')" "$silo_cpu" \
  "$(echo "$result" | sed 's/.*errors_non2xx=\([0-9]*\).*/\1/')" "$(echo "$result" | sed 's/.*requests=\([0-9]*\).*/\1/')")
orders+=$'\n'
orders+=$(printf '| GET /skus/hot (one grain call, JSON answer) | 64 connections | %s requests/s | | | |\n' "$floor")
orders+=$'\n'
echo "$orders"

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
  echo "## Orders over HTTP (issue 3)"
  echo
  echo "| what | load | throughput | latency | CPU per order | errors |"
  echo "|---|---|---|---|---|---|"
  echo -n "$orders"
  echo
  echo "wrk counted $accepted answered 2xx orders; the SKU holds $held units reserved or sold (requests still in flight when wrk stops complete on the server but are not counted by wrk)."
  echo
  cat "$root/tests/benchmarks/ANALYSIS.md"
} > "$root/docs/benchmarks.md"
echo "== wrote docs/benchmarks.md"
