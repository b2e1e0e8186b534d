#!/usr/bin/env bash
# Node-foundation performance run: TrustChain (`trustchain run --dev`) side by side with ganache 7.9.2 under the same
# C# load generator, plus the in-process block execution figure. Everything listens on 127.0.0.1 only; both nodes get
# fresh temp data dirs and free ports and are killed on exit.
#
#   bash bench/run-node-foundation.sh [--skip-build] [--seconds N] [--count N] [--skip-peer-transfers] [--pin] [--raw-client]
# --skip-peer-transfers leaves out ganache's transfer runs (it completes < 1,000 of 10,000 single submissions in
# 300 s, so each run only costs five minutes of timeout).
# --pin runs each server on core 0 and the load generator on core 1 (taskset): with both on the same two cores the
# generator's own CPU caps every server at about the same request rate, which hides the servers' difference.
# --raw-client drives eth_blockNumber with the generator's raw-socket HTTP/1.1 client (`load rpc --client raw`) instead
# of HttpClient: a fraction of the client CPU per request, so the rate is bounded by the server rather than the client.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_RPC=10
COUNT=10000
SKIP_BUILD=0
SKIP_PEER_TRANSFERS=0
SERVER_CPU=()
LOADGEN_CPU=()
RPC_CLIENT=http
while [[ $# -gt 0 ]]; do
  case "$1" in
    --skip-build) SKIP_BUILD=1; shift ;;
    --skip-peer-transfers) SKIP_PEER_TRANSFERS=1; shift ;;
    --pin) SERVER_CPU=(taskset -c 0); LOADGEN_CPU=(taskset -c 1); shift ;;
    --raw-client) RPC_CLIENT=raw; shift ;;
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

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Waits (at most 60 s) until eth_blockNumber answers on the port.
wait_rpc() {
  local url="$1" name="$2" pid="$3"
  for _ in $(seq 1 600); do
    if ! kill -0 "$pid" 2>/dev/null; then echo "$name exited before serving JSON-RPC; log:" >&2; cat "$WORK/$name.log" >&2; exit 1; fi
    if curl -s -m 1 -H 'content-type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}' "$url" | grep -q result; then
      return 0
    fi
    sleep 0.1
  done
  echo "$name did not answer on $url within 60 s" >&2; exit 1
}

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
run_peer() {
  local name="$1" url="$2"
  echo "== $name: load rpc eth_blockNumber, 32 connections, ${SECONDS_RPC} s, $RPC_CLIENT client"
  bench load rpc --url "$url" --connections 32 --seconds "$SECONDS_RPC" --client "$RPC_CLIENT" | tee "$WORK/$name.rpc"
  R[$name.rps]="$(field rps < "$WORK/$name.rpc")"
  R[$name.p99]="$(field p99_ms < "$WORK/$name.rpc")"
  for batch in 1 50; do
    if [[ "$name" == ganache && $SKIP_PEER_TRANSFERS -eq 1 ]]; then continue; fi
    if [[ "$name" == ganache ]]; then stop_ganache; start_ganache; url="http://127.0.0.1:$GANACHE_PORT"; fi
    echo "== $name: load transfers $COUNT, 10 senders, batch $batch"
    bench load transfers --url "$url" --count "$COUNT" --senders 10 --batch "$batch" --timeout-seconds 300 | tee "$WORK/$name.tx$batch" || true
    R[$name.submit$batch]="$(field submit_tps < "$WORK/$name.tx$batch")"
    R[$name.e2e$batch]="$(field e2e_tps < "$WORK/$name.tx$batch")"
    R[$name.receipts$batch]="$(field receipts < "$WORK/$name.tx$batch")"
  done
}

# ganache first, alone on the machine, then stopped before the node starts. Each transfer run gets a fresh ganache:
# a run that times out leaves nonce gaps in its pool that would poison the next one.
start_ganache() {
  GANACHE_PORT="$(free_port)"
  rm -rf "$WORK/ganache-db"
  "${SERVER_CPU[@]}" "$GANACHE" --server.host 127.0.0.1 --server.port "$GANACHE_PORT" --chain.chainId 7357 \
    --wallet.mnemonic "test test test test test test test test test test test junk" --wallet.totalAccounts 10 \
    --wallet.defaultBalance 10000000 --logging.quiet --database.dbPath "$WORK/ganache-db" >"$WORK/ganache.log" 2>&1 &
  GANACHE_PID=$!
  PIDS+=("$GANACHE_PID")
  wait_rpc "http://127.0.0.1:$GANACHE_PORT" ganache "$GANACHE_PID"
}
stop_ganache() { kill "$GANACHE_PID"; wait "$GANACHE_PID" 2>/dev/null || true; }
start_ganache
run_peer ganache "http://127.0.0.1:$GANACHE_PORT"
stop_ganache

NODE_PORT="$(free_port)"
"${SERVER_CPU[@]}" "$NODE_BIN" run --dev --datadir "$WORK/node" --rpc-port "$NODE_PORT" >"$WORK/trustchain.log" 2>&1 &
NODE_PID=$!
PIDS+=("$NODE_PID")
wait_rpc "http://127.0.0.1:$NODE_PORT" trustchain "$NODE_PID"
run_peer trustchain "http://127.0.0.1:$NODE_PORT"
kill "$NODE_PID"; wait "$NODE_PID" 2>/dev/null || true

echo "== in-process block execution + commit"
bench inprocess blocks --txs "$COUNT" --senders 1000 | tee "$WORK/inprocess"
INPROC="$(field total_tps < "$WORK/inprocess")"
INPROC_EXEC="$(field exec_tps < "$WORK/inprocess")"
INPROC_COMMIT="$(field commit_tps < "$WORK/inprocess")"
INPROC_CPU="$(field per_cpu_s < "$WORK/inprocess")"

ratio() { python3 -c "import sys; a,b=sys.argv[1],sys.argv[2]; print(f'{float(a)/float(b):.2f}x' if a and b and float(b)>0 else 'n/a')" "${1:-}" "${2:-}"; }

echo
echo "== results ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end)"
printf '| %-52s | %12s | %12s | %8s | %-10s |\n' "measure" "TrustChain" "ganache" "ratio" "target"
printf '|%s|%s|%s|%s|%s|\n' "------------------------------------------------------" "--------------" "--------------" "----------" "------------"
printf '| %-52s | %12s | %12s | %8s | %-10s |\n' "eth_blockNumber req/s, 32 connections" "${R[trustchain.rps]}" "${R[ganache.rps]}" "$(ratio "${R[trustchain.rps]}" "${R[ganache.rps]}")" ">= 3x"
printf '| %-52s | %12s | %12s | %8s | %-10s |\n' "eth_blockNumber p99 ms" "${R[trustchain.p99]}" "${R[ganache.p99]}" "" ""
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
