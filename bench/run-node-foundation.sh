#!/usr/bin/env bash
# Node-foundation performance run: TrustChain (`trustchain run --dev`) side by side with ganache 7.9.2 under the same
# C# load generator, plus the in-process block execution figure. Everything listens on 127.0.0.1 only; both nodes get
# fresh temp data dirs and free ports and are killed on exit.
#
#   bash bench/run-node-foundation.sh [--skip-build] [--seconds N] [--count N] [--skip-peer-transfers] [--pin] [--raw-client|--wrk]
#                                     [--rpc-only] [--rounds N] [--node-env VAR=VALUE]...
# --skip-peer-transfers leaves out ganache's transfer runs (it completes < 1,000 of 10,000 single submissions in
# 300 s, so each run only costs five minutes of timeout).
# --pin runs each server on core 0 and the load generator on core 1 (taskset): with both on the same two cores the
# generator's own CPU caps every server at about the same request rate, which hides the servers' difference.
# --raw-client drives eth_blockNumber with the generator's raw-socket HTTP/1.1 client (`load rpc --client raw`) instead
# of HttpClient: a fraction of the client CPU per request, so the rate is bounded by the server rather than the client.
# --wrk drives it with wrk (Debian's package; installed when missing and running as root; one thread, 32 connections,
# bench/rpc-floor/eth_blockNumber.lua): about a quarter of the raw client's CPU per request, so on 2 cores more of the
# machine is left to the server. bench/run-rpc-ceiling.sh compares the generators and the ceiling any server can reach.
# --rpc-only runs only the eth_blockNumber comparison (no transfers, no in-process run).
# --rounds N (default 1): ganache and TrustChain both run during the eth_blockNumber comparison and are measured in turn
# N times (the first of each pair alternates), so both see the same machine load; the table shows the medians.
# --node-env VAR=VALUE (repeatable) sets an environment variable for the TrustChain node only, e.g.
# --node-env DOTNET_TieredPGO=0 or --node-env DOTNET_TieredCompilation=0.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_RPC=10
COUNT=10000
SKIP_BUILD=0
SKIP_PEER_TRANSFERS=0
SERVER_CPU=()
LOADGEN_CPU=()
RPC_CLIENT=http
RPC_ONLY=0
ROUNDS=1
NODE_ENV=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --skip-build) SKIP_BUILD=1; shift ;;
    --skip-peer-transfers) SKIP_PEER_TRANSFERS=1; shift ;;
    --pin) SERVER_CPU=(taskset -c 0); LOADGEN_CPU=(taskset -c 1); shift ;;
    --raw-client) RPC_CLIENT=raw; shift ;;
    --wrk) RPC_CLIENT=wrk; shift ;;
    --rpc-only) RPC_ONLY=1; shift ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --node-env) NODE_ENV+=("$2"); shift 2 ;;
    --seconds) SECONDS_RPC="$2"; shift 2 ;;
    --count) COUNT="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

BENCH_DLL="$ROOT/bench/TrustChain.Bench/bin/Release/net10.0/TrustChain.Bench.dll"
NODE_BIN="$ROOT/node/TrustChain.Node/bin/Release/net10.0/trustchain"
GANACHE="$ROOT/bench/peers/node_modules/.bin/ganache"
WORK="$(mktemp -d /tmp/trustchain-bench.XXXXXX)"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    # Bounded wait: SIGKILL whatever has not exited after 10 s.
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# shellcheck source=bench/rpc-bench-lib.sh
source "$ROOT/bench/rpc-bench-lib.sh"
if [[ "$RPC_CLIENT" == wrk ]]; then need_tool wrk; fi


bench() { "${LOADGEN_CPU[@]}" dotnet "$BENCH_DLL" "$@"; }

# "RESULT ... key=value ..." → value
field() { grep '^RESULT' | tr ' ' '\n' | sed -n "s/^$1=//p" | head -1; }

if [[ $SKIP_BUILD -eq 0 ]]; then
  echo "== building Release"
  dotnet build "$ROOT/node/TrustChain.Node/TrustChain.Node.csproj" -c Release -nologo -v q
  dotnet build "$ROOT/bench/TrustChain.Bench/TrustChain.Bench.csproj" -c Release -nologo -v q
fi

if [[ ! -x "$GANACHE" ]]; then
  echo "== installing ganache (bench/peers)"
  (cd "$ROOT/bench/peers" && npm ci --no-audit --no-fund --loglevel=error)
fi

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

declare -A R
ratio() { python3 -c "import sys; a,b=sys.argv[1],sys.argv[2]; print(f'{float(a)/float(b):.2f}x' if a and b and float(b)>0 else 'n/a')" "${1:-}" "${2:-}"; }
median_ms() { python3 -c "import statistics,sys; v=[float(x) for x in sys.argv[1:] if x]; print(f'{statistics.median(v):.2f}' if v else '')" "$@"; }

# wrk's report as the load tool's RESULT line (rate, p50/p99 in ms).
wrk_rpc() {
  local out; out="$(wrk_blocknumber "$1" "$SECONDS_RPC")" || return 1
  echo "$out"
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec:/ { rps = $2 }
    END { printf "RESULT rpc method=eth_blockNumber rps=%.0f p50_ms=%.3f p99_ms=%.3f\n", rps, p50, p99 }' <<<"$out"
}

# One eth_blockNumber run. Besides req/s it samples the server's own CPU time over the measured window (after the
# generator's 2 s warm-up) and reports requests per server CPU-second: on a loaded machine the wall-clock rate mostly
# says how much CPU the scheduler gave the server, the per-CPU-second figure what each request cost.
rpc_run() {
  local name="$1" url="$2" round="$3" pid="$4"
  echo "== $name: load rpc eth_blockNumber, 32 connections, ${SECONDS_RPC} s, $RPC_CLIENT client, round $round, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  if [[ "$RPC_CLIENT" == wrk ]]; then
    wrk_rpc "$url" > "$WORK/$name.rpc.$round" &
  else
    bench load rpc --url "$url" --connections 32 --seconds "$SECONDS_RPC" --client "$RPC_CLIENT" > "$WORK/$name.rpc.$round" &
  fi
  local load=$! c0 c1 t0 t1
  sleep 2.5; c0="$(cpu_seconds "$pid")"; t0="$(date +%s.%N)"
  sleep "$(python3 -c "print(max(1.0, $SECONDS_RPC - 1.0))")"
  c1="$(cpu_seconds "$pid")"; t1="$(date +%s.%N)"
  wait "$load"
  cat "$WORK/$name.rpc.$round"
  local rps; rps="$(field rps < "$WORK/$name.rpc.$round")"
  local per_cpu; per_cpu="$(python3 -c "import sys; r,c0,c1,t0,t1=map(float,sys.argv[1:]); cpu=c1-c0; print(f'{r*(t1-t0)/cpu:.0f}' if cpu>0 else '')" "$rps" "$c0" "$c1" "$t0" "$t1")"
  echo "   server CPU in the window: $(python3 -c "import sys; print(f'{(float(sys.argv[2])-float(sys.argv[1]))/(float(sys.argv[4])-float(sys.argv[3])):.2f}')" "$c0" "$c1" "$t0" "$t1") cores, $per_cpu requests per CPU-second"
  R[$name.rps.list]+=" $rps"
  R[$name.p99.list]+=" $(field p99_ms < "$WORK/$name.rpc.$round")"
  R[$name.cpu.list]+=" $per_cpu"
}

transfer_runs() {
  local name="$1" url="$2"
  for batch in 1 50; do
    if [[ "$name" == ganache ]]; then stop_ganache; start_ganache; url="http://127.0.0.1:$GANACHE_PORT"; fi
    echo "== $name: load transfers $COUNT, 10 senders, batch $batch"
    bench load transfers --url "$url" --count "$COUNT" --senders 10 --batch "$batch" --timeout-seconds 300 | tee "$WORK/$name.tx$batch" || true
    R[$name.submit$batch]="$(field submit_tps < "$WORK/$name.tx$batch")"
    R[$name.e2e$batch]="$(field e2e_tps < "$WORK/$name.tx$batch")"
    R[$name.receipts$batch]="$(field receipts < "$WORK/$name.tx$batch")"
  done
}

# Each transfer run gets a fresh ganache: a run that times out leaves nonce gaps in its pool that would poison the next one.
start_ganache() {
  GANACHE_PORT="$(free_port)"
  rm -rf "$WORK/ganache-db"
  "${SERVER_CPU[@]}" "$GANACHE" --server.host 127.0.0.1 --server.port "$GANACHE_PORT" --chain.chainId 7357 \
    --wallet.mnemonic "test test test test test test test test test test test junk" --wallet.totalAccounts 10 \
    --wallet.defaultBalance 10000000 --logging.quiet --database.dbPath "$WORK/ganache-db" >"$WORK/ganache.log" 2>&1 &
  GANACHE_PID=$!
  PIDS+=("$GANACHE_PID")
  wait_rpc "http://127.0.0.1:$GANACHE_PORT" ganache "$GANACHE_PID" "$WORK/ganache.log"
}
stop_ganache() { kill "$GANACHE_PID"; wait "$GANACHE_PID" 2>/dev/null || true; }
start_node() {
  NODE_PORT="$(free_port)"
  rm -rf "$WORK/node"
  env "${NODE_ENV[@]}" "${SERVER_CPU[@]}" "$NODE_BIN" run --dev --datadir "$WORK/node" --rpc-port "$NODE_PORT" >"$WORK/trustchain.log" 2>&1 &
  NODE_PID=$!
  PIDS+=("$NODE_PID")
  wait_rpc "http://127.0.0.1:$NODE_PORT" trustchain "$NODE_PID" "$WORK/trustchain.log"
}
stop_node() { kill "$NODE_PID"; wait "$NODE_PID" 2>/dev/null || true; }

[[ ${#NODE_ENV[@]} -gt 0 ]] && echo "== TrustChain node environment: ${NODE_ENV[*]}"
# eth_blockNumber: both servers up (idle while the other is measured), measured in turn.
start_ganache
start_node
for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 == 1 )); then
    rpc_run ganache "http://127.0.0.1:$GANACHE_PORT" "$round" "$GANACHE_PID"
    rpc_run trustchain "http://127.0.0.1:$NODE_PORT" "$round" "$NODE_PID"
  else
    rpc_run trustchain "http://127.0.0.1:$NODE_PORT" "$round" "$NODE_PID"
    rpc_run ganache "http://127.0.0.1:$GANACHE_PORT" "$round" "$GANACHE_PID"
  fi
done
for name in ganache trustchain; do
  # shellcheck disable=SC2086
  R[$name.rps]="$(median ${R[$name.rps.list]})"
  # shellcheck disable=SC2086
  R[$name.p99]="$(median_ms ${R[$name.p99.list]})"
  # shellcheck disable=SC2086
  R[$name.cpu]="$(median ${R[$name.cpu.list]})"
done
stop_ganache
stop_node

if [[ $RPC_ONLY -eq 0 ]]; then
  if [[ $SKIP_PEER_TRANSFERS -eq 0 ]]; then
    start_ganache
    transfer_runs ganache "http://127.0.0.1:$GANACHE_PORT"
    stop_ganache
  fi
  start_node
  transfer_runs trustchain "http://127.0.0.1:$NODE_PORT"
  stop_node
fi

if [[ $RPC_ONLY -eq 0 ]]; then
  echo "== in-process block execution + commit"
  bench inprocess blocks --txs "$COUNT" --senders 1000 | tee "$WORK/inprocess"
  INPROC="$(field total_tps < "$WORK/inprocess")"
  INPROC_EXEC="$(field exec_tps < "$WORK/inprocess")"
  INPROC_COMMIT="$(field commit_tps < "$WORK/inprocess")"
  INPROC_CPU="$(field per_cpu_s < "$WORK/inprocess")"
fi


echo
echo "== results ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end)"
printf '| %-52s | %12s | %12s | %8s | %-10s |\n' "measure" "TrustChain" "ganache" "ratio" "target"
printf '|%s|%s|%s|%s|%s|\n' "------------------------------------------------------" "--------------" "--------------" "----------" "------------"
printf '| %-52s | %12s | %12s | %8s | %-10s |\n' "eth_blockNumber req/s, 32 connections" "${R[trustchain.rps]}" "${R[ganache.rps]}" "$(ratio "${R[trustchain.rps]}" "${R[ganache.rps]}")" ">= 3x"
printf '| %-52s | %12s | %12s | %8s | %-10s |\n' "eth_blockNumber p99 ms" "${R[trustchain.p99]}" "${R[ganache.p99]}" "" ""
printf '| %-52s | %12s | %12s | %8s | %-10s |\n' "eth_blockNumber requests per server CPU-second" "${R[trustchain.cpu]}" "${R[ganache.cpu]}" "$(ratio "${R[trustchain.cpu]}" "${R[ganache.cpu]}")" ""
if [[ $ROUNDS -gt 1 ]]; then
  echo "eth_blockNumber req/s per round: TrustChain${R[trustchain.rps.list]}; ganache${R[ganache.rps.list]}"
  echo "eth_blockNumber requests per server CPU-second per round: TrustChain${R[trustchain.cpu.list]}; ganache${R[ganache.cpu.list]}"
fi
if [[ $RPC_ONLY -eq 1 ]]; then exit 0; fi
for batch in 1 50; do
  label="single requests"; [[ $batch -gt 1 ]] && label="batches of $batch"
  printf '| %-52s | %12s | %12s | %8s | %-10s |\n' "$COUNT transfers, $label: submitted tx/s" "${R[trustchain.submit$batch]}" "${R[ganache.submit$batch]:-}" "$(ratio "${R[trustchain.submit$batch]}" "${R[ganache.submit$batch]:-}")" ""
  printf '| %-52s | %12s | %12s | %8s | %-10s |\n' "$COUNT transfers, $label: end-to-end tx/s (receipts)" "${R[trustchain.e2e$batch]} (${R[trustchain.receipts$batch]})" "${R[ganache.e2e$batch]:-} (${R[ganache.receipts$batch]:-})" "$(ratio "${R[trustchain.e2e$batch]}" "${R[ganache.e2e$batch]:-}")" ">= 5000/s"
done
printf '| %-52s | %12s | %12s | %8s | %-10s |\n' "in-process execution + commit, transfers/s" "$INPROC" "" "" ">= 20000/s"
printf '| %-52s | %12s | %12s | %8s | %-10s |\n' "  execution alone / commit alone" "$INPROC_EXEC / $INPROC_COMMIT" "" "" ""
printf '| %-52s | %12s | %12s | %8s | %-10s |\n' "  transfers per process CPU-second" "$INPROC_CPU" "" "" ""
echo
echo "node log: last block lines"
grep -c 'Committed block' "$WORK/trustchain.log" | sed 's/^/  blocks committed: /' || true
