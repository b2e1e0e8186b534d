# Shell helpers shared by run-node-foundation.sh and run-rpc-ceiling.sh (sourced, not run).

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# CPU seconds (user + system) the process has used so far.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }

median() { python3 -c "import statistics,sys; v=[float(x) for x in sys.argv[1:] if x]; print(f'{statistics.median(v):.0f}' if v else '')" "$@"; }

# Waits (at most 60 s) until eth_blockNumber answers at the URL; prints the log and fails if the process exits first.
wait_rpc() {
  local url="$1" name="$2" pid="$3" log="$4"
  for _ in $(seq 1 600); do
    if ! kill -0 "$pid" 2>/dev/null; then echo "$name exited before serving JSON-RPC; log:" >&2; cat "$log" >&2; exit 1; fi
    if curl -s -m 1 -H 'content-type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}' "$url" | grep -q result; then
      return 0
    fi
    sleep 0.1
  done
  echo "$name did not answer on $url within 60 s" >&2; exit 1
}

# Installs a Debian package's tool when it is missing (as root), or says what to install.
need_tool() {
  command -v "$1" >/dev/null && return 0
  [[ $(id -u) -eq 0 ]] || { echo "$1 is needed (apt-get install -y $1)" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
}

# wrk_blocknumber URL SECONDS: a 2 s unmeasured warm-up (as the C# generator has, so no server is measured while it
# compiles or grows pools), then one wrk thread, 32 connections, eth_blockNumber POSTs for SECONDS; prints wrk's report
# (with --latency) and fails on any non-2xx answer or socket error.
wrk_blocknumber() {
  local script; script="$(dirname "${BASH_SOURCE[0]}")/rpc-floor/eth_blockNumber.lua"
  wrk -t1 -c32 -d2s -s "$script" "$1/" >/dev/null
  local out; out="$(wrk -t1 -c32 -d"$2s" --latency -s "$script" "$1/")"
  echo "$out"
  if grep -q 'Non-2xx\|Socket errors' <<<"$out"; then echo "wrk saw errors from $1" >&2; return 1; fi
}
