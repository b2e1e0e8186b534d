#!/usr/bin/env bash
# What this machine allows any eth_blockNumber server: ganache, TrustChain and a "ceiling" server (bench/rpc-floor/
# floor-server.c: an epoll loop that answers every complete POST with one fixed response and parses nothing) measured
# in turn, in the same run, under two load generators: wrk (Debian's package, the usual HTTP benchmarking tool: one
# epoll thread, a few µs of CPU per request; bench/rpc-floor/eth_blockNumber.lua makes its requests JSON-RPC POSTs) and
# the project's C# raw-socket client (`load rpc --client raw`, the one bench/run-node-foundation.sh uses). 32 keep-alive
# connections, one request in flight per connection, as a JSON-RPC client sends them. On 2 cores the generator shares
# the machine with the server, so the cheaper generator leaves more of it to the server.
# The ceiling server does less work per request than any real node can, so its rate, divided by ganache's, bounds the
# ratio any server can reach against ganache on this machine with that generator.
#
#   bash bench/run-rpc-ceiling.sh [--skip-build] [--seconds N] [--rounds N]
# Needs gcc and wrk (apt-get install -y gcc wrk; installed here when missing and running as root) and ganache from
# bench/peers (npm ci there).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_RUN=8
ROUNDS=3
SKIP_BUILD=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --skip-build) SKIP_BUILD=1; shift ;;
    --seconds) SECONDS_RUN="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

# shellcheck source=bench/rpc-bench-lib.sh
source "$ROOT/bench/rpc-bench-lib.sh"
need_tool gcc
need_tool wrk
BENCH_DLL="$ROOT/bench/TrustChain.Bench/bin/Release/net10.0/TrustChain.Bench.dll"
NODE_BIN="$ROOT/node/TrustChain.Node/bin/Release/net10.0/trustchain"
GANACHE="$ROOT/bench/peers/node_modules/.bin/ganache"
WORK="$(mktemp -d /tmp/trustchain-ceiling.XXXXXX)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

if [[ $SKIP_BUILD -eq 0 ]]; then
  dotnet build -c Release "$ROOT/node/TrustChain.Node" -v quiet -nologo >/dev/null
  dotnet build -c Release "$ROOT/bench/TrustChain.Bench" -v quiet -nologo >/dev/null
fi
[[ -x "$GANACHE" ]] || (cd "$ROOT/bench/peers" && npm ci --no-audit --no-fund --loglevel=error)
gcc -O2 -Wall -Wextra -o "$WORK/floor-server" "$ROOT/bench/rpc-floor/floor-server.c" -lpthread

declare -A PORT PID
PORT[ganache]="$(free_port)"
"$GANACHE" --server.host 127.0.0.1 --server.port "${PORT[ganache]}" --chain.chainId 7357 --wallet.totalAccounts 10 \
  --logging.quiet --database.dbPath "$WORK/ganache-db" >"$WORK/ganache.log" 2>&1 &
PID[ganache]=$!; PIDS+=("$!")
PORT[trustchain]="$(free_port)"
"$NODE_BIN" run --dev --datadir "$WORK/node" --rpc-port "${PORT[trustchain]}" >"$WORK/trustchain.log" 2>&1 &
PID[trustchain]=$!; PIDS+=("$!")
PORT[ceiling]="$(free_port)"
# One epoll thread: on 2 cores shared with the generator, a second server thread measured slower (more switching).
"$WORK/floor-server" "${PORT[ceiling]}" 1 >"$WORK/ceiling.log" 2>&1 &
PID[ceiling]=$!; PIDS+=("$!")
for s in ganache trustchain ceiling; do wait_rpc "http://127.0.0.1:${PORT[$s]}" "$s" "${PID[$s]}" "$WORK/$s.log"; done
echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

declare -A LIST CPU
measure() {
  local server="$1" client="$2" out="$WORK/run" rate c0 c1 t0 t1 lp
  if [[ "$client" == csharp ]]; then
    # The C# generator warms up for 2 s before it counts; sample the server's CPU over the counted part only.
    dotnet "$BENCH_DLL" load rpc --url "http://127.0.0.1:${PORT[$server]}" --connections 32 --seconds "$SECONDS_RUN" --client raw >"$out" &
    lp=$!
    sleep 2.3; c0="$(cpu_seconds "${PID[$server]}")"; t0="$(date +%s.%N)"
    sleep "$(python3 -c "print(max(1.0, $SECONDS_RUN - 0.6))")"; c1="$(cpu_seconds "${PID[$server]}")"; t1="$(date +%s.%N)"
    wait "$lp"
    rate="$(grep '^RESULT' "$out" | tr ' ' '\n' | sed -n 's/^rps=//p')"
  else
    wrk_blocknumber "http://127.0.0.1:${PORT[$server]}" "$SECONDS_RUN" >"$out" &
    lp=$!
    sleep 2.1; c0="$(cpu_seconds "${PID[$server]}")"; t0="$(date +%s.%N)"
    wait "$lp" || { cat "$out" >&2; exit 1; }
    c1="$(cpu_seconds "${PID[$server]}")"; t1="$(date +%s.%N)"
    rate="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")"
  fi
  LIST[$server.$client]+=" $rate"
  CPU[$server.$client]+=" $(python3 -c "import sys; r,c0,c1,t0,t1=map(float,sys.argv[1:]); print(f'{(c1-c0)*1e6/(r*(t1-t0)):.1f}')" "$rate" "$c0" "$c1" "$t0" "$t1")"
  echo "   $server, $client client: $rate req/s (load average $(cut -d' ' -f1 /proc/loadavg))"
}

servers=(ganache trustchain ceiling)
for round in $(seq 1 "$ROUNDS"); do
  for client in wrk csharp; do
    for i in 0 1 2; do measure "${servers[$(( (i + round) % 3 ))]}" "$client"; done
  done
done

median1() { python3 -c "import statistics,sys; v=[float(x) for x in sys.argv[1:]]; print(f'{statistics.median(v):.1f}')" "$@"; }
echo
echo "== eth_blockNumber, 32 connections, medians of $ROUNDS rounds ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end)"
printf '| %-28s | %-10s | %10s | %12s | %22s |\n' "load generator" "server" "req/s" "vs ganache" "server CPU-µs/request"
printf '|%s|%s|%s|%s|%s|\n' "------------------------------" "------------" "------------" "--------------" "------------------------"
for client in wrk csharp; do
  label="C# raw client (node bench)"; [[ $client == wrk ]] && label="wrk -t1 -c32"
  # shellcheck disable=SC2086
  g="$(median ${LIST[ganache.$client]})"
  for s in "${servers[@]}"; do
    # shellcheck disable=SC2086
    m="$(median ${LIST[$s.$client]})"
    # shellcheck disable=SC2086
    printf '| %-28s | %-10s | %10s | %11sx | %22s |\n' "$label" "$s" "$m" "$(python3 -c "print(f'{$m/$g:.2f}')")" "$(median1 ${CPU[$s.$client]})"
  done
done
for key in "${!LIST[@]}"; do echo "per round $key:${LIST[$key]}"; done | sort
